package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
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

// maxLinks is how many symbolic links locate follows before giving up, as
// the kernel does (Linux's limit).
const maxLinks = 40

// locate follows symbolic links from path to the file they name and
// reports whether it exists. A link is followed, never replaced, so a
// dangling one names where to create the notebook. Anything there that is
// not a regular file (a folder, a named pipe, a device) is refused at once,
// looking only at its metadata: opening a named pipe would wait forever.
func locate(path string) (target string, exists bool, err error) {
	target = path
	for range maxLinks {
		info, err := os.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			return target, false, nil
		}
		if err != nil {
			return "", false, err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return target, true, notRegular(info)
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", false, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return "", false, fmt.Errorf("%w: it is a chain of more than %d symbolic links", ErrNotNotebook, maxLinks)
}

// notRegular says why info is not something a notebook can be, or nil.
func notRegular(info fs.FileInfo) error {
	mode := info.Mode()
	what := ""
	switch {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		what = "a folder"
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "not a regular file"
	}
	return fmt.Errorf("%w: it is %s", ErrNotNotebook, what)
}

// createFolderFor makes the folder a new notebook goes in (0700), unless
// path is a symbolic link: then the folder it points into must already be
// there, since making folders wherever a link says would be a surprise.
func createFolderFor(path, target string) error {
	if path == target {
		return os.MkdirAll(filepath.Dir(path), 0o700)
	}
	info, err := os.Stat(filepath.Dir(target))
	if err != nil || !info.IsDir() {
		return fmt.Errorf("it is a symbolic link to %s, whose folder does not exist", target)
	}
	return nil
}

// openExisting is how bbolt opens the notebook: never creating it (bbolt
// would make an empty database if the file vanished since it was checked),
// never blocking on something that is not a regular file, and checking
// what was opened rather than trusting the earlier look.
func openExisting(name string, flag int, perm os.FileMode) (*os.File, error) {
	f, err := os.OpenFile(name, flag&^os.O_CREATE|syscall.O_NONBLOCK, perm)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = notRegular(info)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// checkFile reads a bbolt file's meta pages and reports, in plain words,
// why it cannot be a sound notebook. It never writes.
func checkFile(path string) error {
	f, err := openExisting(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
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
