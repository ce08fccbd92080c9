package store

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"golang.org/x/crypto/nacl/box"
)

// A change spooled for an encrypted notebook is sealed to the notebook's
// recipient key (an anonymous nacl box), so `parley add` needs no
// passphrase and the file shows nothing; the recipient's private key,
// sealed under the data key, opens it when the notebook is unlocked. The
// public key is kept in the spool folder too, since the notebook cannot be
// read while another Parley holds it, which is when the spool is used.

// sealedSuffix ends a finished change file sealed to the recipient key.
const sealedSuffix = ".sealed"

// recipientFile is the name, in the spool folder, of the public key to seal
// changes to. Open keeps it matching the notebook.
const recipientFile = "recipient"

// keepRecipient makes the spool folder's recipient file name the
// notebook's key, or removes it from a plain notebook's.
func (s *Store) keepRecipient() error {
	dir, err := SpoolDir(s.path)
	if err != nil {
		return err
	}
	name := filepath.Join(dir, recipientFile)
	have, err := readRecipient(dir)
	if err != nil {
		return err
	}
	switch {
	case s.sealer == nil && have == nil:
		return nil
	case s.sealer == nil:
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove the spool key %s: %w", name, err)
		}
		return syncDir(dir)
	case have != nil && *have == s.sealer.recipient:
		return nil
	}
	if err := makeSpoolDir(dir); err != nil {
		return fmt.Errorf("make the spool folder %s: %w", dir, err)
	}
	if err := writeAtomically(name, []byte(hex.EncodeToString(s.sealer.recipient[:])+"\n")); err != nil {
		return fmt.Errorf("write the spool key %s: %w", name, err)
	}
	return nil
}

// readRecipient reads the key changes spooled in dir are sealed to, nil
// when there is none (a plain notebook).
func readRecipient(dir string) (*[32]byte, error) {
	name := filepath.Join(dir, recipientFile)
	info, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > 128 {
		return nil, fmt.Errorf("the spool key %s is not one Parley wrote", name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var key [32]byte
	if n, err := hex.Decode(key[:], bytes.TrimSpace(data)); err != nil || n != len(key) {
		return nil, fmt.Errorf("the spool key %s is not one Parley wrote", name)
	}
	return &key, nil
}

// sealChange seals a change for the spool in dir if the notebook at path
// is encrypted, and gives the suffix its file takes.
func sealChange(path, dir string, data []byte) ([]byte, string, error) {
	recipient, err := readRecipient(dir)
	if err != nil {
		return nil, "", err
	}
	if recipient == nil {
		recipient = recipientInNotebook(path)
	}
	if recipient == nil {
		return data, spoolSuffix, nil
	}
	sealed, err := box.SealAnonymous(nil, data, recipient, rand.Reader)
	if err != nil {
		return nil, "", err
	}
	return sealed, sealedSuffix, nil
}

// recipientInNotebook reads the recipient key from the notebook's meta
// when the spool folder has none (it was deleted, or the notebook was
// copied without it). A notebook that is missing, unreadable or held by
// another Parley gives none: the Parley that holds it keeps the spool
// folder's copy, so then the notebook is plain or that copy is there.
func recipientInNotebook(path string) *[32]byte {
	target, exists, err := locate(path)
	if err != nil || !exists || checkFile(target) != nil {
		return nil
	}
	var key *[32]byte
	guard(func() error {
		db, err := bolt.Open(target, 0o600, &bolt.Options{Timeout: 50 * time.Millisecond, ReadOnly: true,
			OpenFile: openExisting})
		if err != nil {
			return err
		}
		defer db.Close()
		return db.View(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketMeta) == nil {
				return nil
			}
			rec, ok, err := readCryptRecord(tx)
			if ok && err == nil && len(rec.Recipient) == 32 {
				key = new([32]byte)
				copy(key[:], rec.Recipient)
			}
			return nil
		})
	})
	return key
}

// openChange opens a sealed change file's contents with the notebook's
// recipient key.
func (s *sealer) openChange(data []byte) ([]byte, error) {
	if s == nil {
		return nil, errors.New("it is sealed for an encrypted notebook, and this notebook is not encrypted")
	}
	plain, ok := box.OpenAnonymous(nil, data, &s.recipient, &s.private)
	if !ok {
		return nil, errors.New("it is sealed to a key this notebook does not have")
	}
	return plain, nil
}
