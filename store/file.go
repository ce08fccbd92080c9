package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's on-disk meta page, as documented in go.etcd.io/bbolt's
// internal/common: a 16-byte page header, then the meta fields. Reading it
// ourselves lets us refuse a file before bbolt maps it: bbolt turns a 0-byte
// file into a new database, and faults on a file shorter than its own
// high-water mark says.
const (
	pageHeaderSize = 16
	metaSize       = 64
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	metaChecksumAt = 56
)

type boltMeta struct {
	pageSize uint32
	pgid     uint64
	txid     uint64
}

// checkFile reads a bbolt file's meta pages and reports, in plain words,
// why it cannot be a sound notebook. It never writes.
func checkFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%w: it is not a regular file", ErrNotNotebook)
	}
	size := info.Size()
	if size == 0 {
		return fmt.Errorf("%w: the file is empty", ErrNotNotebook)
	}
	first, err := readMeta(f, 0)
	if err != nil {
		return err
	}
	best, ok := first, first.pageSize != 0
	// The second meta page sits one page further on. When the first meta
	// page is damaged its page size is unknown, so try the common sizes.
	sizes := []int64{4096, 8192, 16384, 65536}
	if ok {
		sizes = []int64{int64(first.pageSize)}
	}
	for _, ps := range sizes {
		second, err := readMeta(f, ps)
		if err != nil {
			return err
		}
		if second.pageSize != 0 && (!ok || second.txid > best.txid) {
			best, ok = second, true
		}
	}
	if !ok {
		return fmt.Errorf("%w: it is not a bbolt database", ErrNotNotebook)
	}
	if need := int64(best.pgid) * int64(best.pageSize); size < need {
		return fmt.Errorf("%w: the file is cut short (%d of %d bytes)", ErrDamaged, size, need)
	}
	return nil
}

// readMeta reads the meta page at offset off; a zero pageSize means no
// valid meta page is there.
func readMeta(f *os.File, off int64) (boltMeta, error) {
	buf := make([]byte, pageHeaderSize+metaSize)
	n, err := f.ReadAt(buf, off)
	if err != nil && !errors.Is(err, io.EOF) {
		return boltMeta{}, err
	}
	if n < len(buf) {
		return boltMeta{}, nil
	}
	m := buf[pageHeaderSize:]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion {
		return boltMeta{}, nil
	}
	h := fnv.New64a()
	h.Write(m[:metaChecksumAt])
	if h.Sum64() != le.Uint64(m[metaChecksumAt:]) {
		return boltMeta{}, nil
	}
	ps := le.Uint32(m[8:])
	if ps < 512 || ps&(ps-1) != 0 {
		return boltMeta{}, nil
	}
	return boltMeta{pageSize: ps, pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, nil
}
