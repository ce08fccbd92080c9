// Package store keeps the notebook in one bbolt file. It is the only package
// that knows about bbolt: callers see typed methods that take and return
// model values, and each method is one transaction, so every user action is
// saved whole or not at all.
package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Errors that Open returns, wrapped with the file's path. Their text is
// written for the user.
var (
	ErrLocked      = errors.New("it is open in another Parley; close that one first")
	ErrNotNotebook = errors.New("it is not a Parley notebook")
	ErrDamaged     = errors.New("the notebook is damaged")
	ErrTooNew      = errors.New("it was written by a newer version of Parley")
	ErrNotFound    = errors.New("not found")
)

// LockTimeout is how long Open waits for another program to let go of the
// file before giving up.
const LockTimeout = 500 * time.Millisecond

var (
	bucketMeta       = []byte("meta")
	bucketContacts   = []byte("contacts")
	bucketInterviews = []byte("interviews")
	// Interactions are a contact's timeline: requests, replies, calls,
	// interviews, thank-yous.
	bucketInteractions = []byte("interactions")
	// Questions holds the user's own bank questions and their settings for
	// built-in ones (hidden, tags).
	bucketQuestions = []byte("questions")
	// Plans holds named, reusable question sets.
	bucketPlans = []byte("plans")
	// Templates holds the user's message templates and edited built-ins.
	bucketTemplates = []byte("templates")
	// Settings holds single values: the user's profile, due-date rules.
	bucketSettings = []byte("settings")

	keyApp    = []byte("app")
	keySchema = []byte("schema")
	appName   = []byte("parley")
)

// Store is an open notebook.
type Store struct {
	db   *bolt.DB
	path string
}

// DefaultPath is where the notebook lives unless the user says otherwise:
// PARLEY_DB, else $XDG_DATA_HOME/parley/parley.db, else
// ~/.local/share/parley/parley.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("PARLEY_DB"); p != "" {
		return p, nil
	}
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" {
		return filepath.Join(dir, "parley", "parley.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find your home folder: %w", err)
	}
	return filepath.Join(home, ".local", "share", "parley", "parley.db"), nil
}

// Open opens the notebook at path, creating it (and its folder, 0700) if
// there is none. A file that is not a Parley notebook, or is damaged, is
// refused and left untouched.
func Open(path string) (*Store, error) {
	s, err := open(path)
	if err != nil {
		return nil, fmt.Errorf("open notebook %s: %w", path, err)
	}
	return s, nil
}

func open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := create(path); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, err
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	// Look before writing: a read-only open changes nothing, even on a
	// file some other program made.
	ro, err := guardedOpen(path, &bolt.Options{Timeout: LockTimeout, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	err = guard(func() error { return ro.View(identify) })
	if err == nil {
		err = guard(func() error { return keepCopyBeforeUpgrade(ro, path) })
	}
	if cerr := ro.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	db, err := guardedOpen(path, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return nil, err
	}
	if err := guard(func() error { return db.Update(migrate) }); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, path: path}, nil
}

// create makes a new, empty notebook. It is built under a temporary name and
// renamed into place, so a crash never leaves a half-made file that a later
// Open would take for someone else's.
func create(path string) error {
	tmp := path + ".new"
	os.Remove(tmp)
	db, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		if err := meta.Put(keyApp, appName); err != nil {
			return err
		}
		return meta.Put(keySchema, []byte("0"))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if dir, err := os.Open(filepath.Dir(path)); err == nil {
		dir.Sync()
		dir.Close()
	}
	return nil
}

func guardedOpen(path string, opts *bolt.Options) (db *bolt.DB, err error) {
	err = guard(func() error {
		var oerr error
		db, oerr = bolt.Open(path, 0o600, opts)
		return oerr
	})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, ErrLocked
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, ErrNotNotebook
	case errors.Is(err, berrors.ErrChecksum):
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return db, err
}

// guard runs f, turning a panic or a memory fault (which a damaged mapped
// file can cause) into ErrDamaged instead of a crash.
func guard(f func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w (%v)", ErrDamaged, r)
		}
	}()
	return f()
}

// identify checks that the file is a Parley notebook this version can read.
func identify(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keyApp)) != string(appName) {
		return ErrNotNotebook
	}
	v, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil {
		return fmt.Errorf("%w: its schema version is unreadable", ErrDamaged)
	}
	if v > len(migrations) {
		return fmt.Errorf("%w (schema %d; this one reads up to %d)", ErrTooNew, v, len(migrations))
	}
	return nil
}

// migrations[i] upgrades a notebook from schema i to schema i+1. They run in
// one transaction on every Open, so an old file is upgraded whole or not at
// all. Append new steps; never edit old ones.
var migrations = []func(tx *bolt.Tx) error{
	// 0 → 1: the first schema.
	func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketContacts, bucketInterviews, bucketInteractions,
			bucketQuestions, bucketPlans, bucketTemplates, bucketSettings} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	},
	// 1 → 2: notes apart from interview headers, contact indexes.
	migrateToLayout2,
}

// SchemaVersion is the schema this build of Parley writes.
func SchemaVersion() int { return len(migrations) }

func migrate(tx *bolt.Tx) error {
	if err := identify(tx); err != nil {
		return err
	}
	meta := tx.Bucket(bucketMeta)
	v, _ := strconv.Atoi(string(meta.Get(keySchema)))
	for ; v < len(migrations); v++ {
		if err := migrations[v](tx); err != nil {
			return fmt.Errorf("upgrade notebook to schema %d: %w", v+1, err)
		}
	}
	return meta.Put(keySchema, []byte(strconv.Itoa(v)))
}

// Close closes the notebook.
func (s *Store) Close() error { return s.db.Close() }

// Path is the notebook's file.
func (s *Store) Path() string { return s.path }

func itob(id uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

func put(b *bolt.Bucket, id uint64, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(itob(id), data)
}

// get decodes the value under id. The JSON decoder copies what it needs, so
// nothing returned points into bbolt's memory after the transaction.
func get(b *bolt.Bucket, id uint64, v any) error {
	data := b.Get(itob(id))
	if data == nil {
		return ErrNotFound
	}
	return json.Unmarshal(data, v)
}

func forEach[T any](b *bolt.Bucket, f func(T) error) error {
	return b.ForEach(func(_, data []byte) error {
		var v T
		if err := json.Unmarshal(data, &v); err != nil {
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return f(v)
	})
}

// getValue decodes the single value stored under key in bucket into v,
// leaving v as it is when there is none. Unmarshal copies what it needs,
// so nothing points into bbolt's memory afterwards.
func (s *Store) getValue(bucket, key []byte, v any) error {
	return s.db.View(func(tx *bolt.Tx) error {
		data := tx.Bucket(bucket).Get(key)
		if data == nil {
			return nil
		}
		if err := json.Unmarshal(data, v); err != nil {
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return nil
	})
}

// putValue stores v under key in bucket, in one transaction.
func (s *Store) putValue(bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucket).Put(key, data) })
}
