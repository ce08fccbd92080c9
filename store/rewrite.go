package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// plainBuckets hold no user text in their values: meta (the app's name,
// the schema and the encryption settings) and the contact indexes (whose
// values are empty). Every other bucket's values are sealed in an
// encrypted notebook.
var plainBuckets = map[string]bool{
	string(bucketMeta): true, string(bucketContactInterviews): true, string(bucketContactInteractions): true,
}

// rewriteInfix marks the temporary file a rewrite builds beside the
// notebook.
const rewriteInfix = ".rewrite-"

// rewrite copies the notebook into a new file beside it, every value opened
// with the current sealer and sealed with to (nil: plain), and puts the new
// file in the old one's place. It is how the notebook is encrypted,
// decrypted, given a new passphrase and compacted after forgetting: the
// copy holds only live records, so nothing deleted survives in free pages.
//
// The old file is untouched until the new one is complete and synced to
// disk; the rename then swaps them in one step, so a crash at any point
// leaves the old notebook or the new one, never neither. The store holds
// the old file's lock throughout and the new file's lock from before the
// rename, so no other Parley opens either in between. It replaces s.db
// while holding s.swap, so calls on s from other goroutines wait for it.
func (s *Store) rewrite(to *sealer) error {
	s.swap.Lock()
	defer s.swap.Unlock()
	return s.rewriteLocked(to)
}

// compact rewrites the notebook sealed as it is.
func (s *Store) compact() error {
	s.swap.Lock()
	defer s.swap.Unlock()
	return s.rewriteLocked(s.sealer)
}

func (s *Store) rewriteLocked(to *sealer) error {
	if s.db.IsReadOnly() {
		return errors.New("it is open for reading only")
	}
	target, _, err := locate(s.path)
	if err != nil {
		return err
	}
	dir, base := filepath.Dir(target), filepath.Base(target)
	removeAbandonedRewrites(dir, base)
	tmp, err := os.CreateTemp(dir, "."+base+rewriteInfix+"*")
	if err != nil {
		return err
	}
	tmpPath := tmp.Name()
	renamed := false
	defer func() {
		if !renamed {
			os.Remove(tmpPath)
		}
	}()
	if err := tmp.Close(); err != nil {
		return err
	}
	dst, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: LockTimeout, OpenFile: openExisting})
	if err != nil {
		return err
	}
	register(dst, to)
	err = guard(func() error {
		return s.db.View(func(src *bolt.Tx) error {
			return dst.Update(func(out *bolt.Tx) error { return copyNotebook(src, out, s.sealer, to) })
		})
	})
	if err == nil {
		err = syncFile(tmpPath)
	}
	if err == nil {
		err = os.Rename(tmpPath, target)
	}
	if err != nil {
		unregister(dst)
		dst.Close()
		return err
	}
	renamed = true
	// The rename happened: from here the new file is the notebook, so the
	// store moves to it whatever else fails; writing on into the old,
	// unlinked file would lose every later change.
	syncErr := syncDir(dir)
	unregister(s.db)
	s.db.Close()
	s.db = dst
	if to != s.sealer {
		// Compaction keeps the sealer: not writing it lets the reads of
		// s.sealer outside transactions (spool, Encrypted) go unlocked.
		s.sealer = to
	}
	if syncErr != nil {
		return fmt.Errorf("the notebook was rewritten, but its folder could not be synced to disk: %w", syncErr)
	}
	return nil
}

// copyNotebook copies every bucket of src into out with its sequence,
// opening each sealed value with from and sealing it with to, and writes
// to's encryption settings in meta (none for a plain notebook).
func copyNotebook(src, out *bolt.Tx, from, to *sealer) error {
	err := src.ForEach(func(name []byte, b *bolt.Bucket) error {
		nb, err := out.CreateBucket(name)
		if err != nil {
			return err
		}
		if err := nb.SetSequence(b.Sequence()); err != nil {
			return err
		}
		// Keys arrive in order, so pages can be filled, as bbolt's own
		// compaction does; the default half-fill would double the file.
		nb.FillPercent = 1.0
		plain := plainBuckets[string(name)]
		return b.ForEach(func(k, v []byte) error {
			if v == nil && b.Bucket(k) != nil {
				return fmt.Errorf("%w: the %s bucket holds a bucket", ErrDamaged, name)
			}
			if string(name) == string(bucketMeta) && (string(k) == string(keyCrypt) || string(k) == string(keyCompactPending)) {
				return nil
			}
			if !plain {
				opened, err := from.openValue(name, k, v)
				if err != nil {
					return err
				}
				v = to.sealValue(name, k, opened)
			}
			return nb.Put(k, v)
		})
	})
	if err != nil || to == nil {
		return err
	}
	rec, err := json.Marshal(to.record)
	if err != nil {
		return err
	}
	return out.Bucket(bucketMeta).Put(keyCrypt, rec)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// removeAbandonedRewrites removes the temporary files of rewrites that died
// before their rename. The caller holds the notebook's lock, so none of
// them is in progress.
func removeAbandonedRewrites(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+base+rewriteInfix) && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// ErrAlreadyEncrypted and ErrNotEncrypted are Encrypt's and Decrypt's (and
// ChangePassphrase's) refusals.
var (
	ErrAlreadyEncrypted = errors.New("it is already encrypted; parley passphrase changes its passphrase")
	ErrNotEncrypted     = errors.New("it is not encrypted")
)

// Encrypt rewrites the notebook with every record sealed under a new data
// key that passphrase unlocks through argon2id with cost p. Until it
// returns, the notebook on disk is the plain one.
func (s *Store) Encrypt(passphrase []byte, p KDFParams) error {
	if s.sealer != nil {
		return fmt.Errorf("encrypt notebook %s: %w", s.path, ErrAlreadyEncrypted)
	}
	return s.rekey(passphrase, p, "encrypt")
}

// ChangePassphrase rewrites an encrypted notebook under a new passphrase
// and a new data key, at cost p (raise it here).
func (s *Store) ChangePassphrase(passphrase []byte, p KDFParams) error {
	if s.sealer == nil {
		return fmt.Errorf("change the passphrase of %s: %w", s.path, ErrNotEncrypted)
	}
	return s.rekey(passphrase, p, "change the passphrase of")
}

func (s *Store) rekey(passphrase []byte, p KDFParams, doing string) error {
	to, err := newSealer(passphrase, p)
	if err == nil {
		err = s.rewrite(to)
	}
	if err == nil {
		err = s.keepRecipient()
	}
	if err != nil {
		return fmt.Errorf("%s notebook %s: %w", doing, s.path, err)
	}
	return nil
}

// Decrypt rewrites an encrypted notebook plain. Changes spooled while it
// runs are taken in first: the spool key is removed before the rewrite, so
// later ones are written plain.
func (s *Store) Decrypt() error {
	if s.sealer == nil {
		return fmt.Errorf("decrypt notebook %s: %w", s.path, ErrNotEncrypted)
	}
	keep := s.sealer
	s.sealer = nil
	err := s.keepRecipient()
	s.sealer = keep
	if err == nil {
		_, err = s.DrainSpool()
	}
	if err == nil {
		err = s.rewrite(nil)
	}
	if err != nil {
		return fmt.Errorf("decrypt notebook %s: %w", s.path, err)
	}
	return nil
}

// Compact rewrites the notebook into a new file holding only its live
// records, sealed as before, so deleted records leave no bytes behind.
func (s *Store) Compact() error {
	if err := s.compact(); err != nil {
		return fmt.Errorf("compact notebook %s: %w", s.path, err)
	}
	return nil
}
