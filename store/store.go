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
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
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
	// ErrNoNotebook is OpenReadOnly's answer when there is nothing at the
	// path; its message reads "no notebook at PATH".
	ErrNoNotebook = errors.New("no notebook")
	// ErrNeedsUpgrade is OpenReadOnly's answer for a notebook an older
	// Parley wrote: reading it needs an upgrade, which is a write.
	ErrNeedsUpgrade = errors.New("it was written by an older version of Parley; open it once with parley to upgrade it")
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
	// swap is held for reading by every transaction and for writing by a
	// rewrite, which replaces db and sealer: a compaction can then run
	// while the UI's commands use the store, never copying the file while
	// a write commits to it nor closing it under a read.
	swap sync.RWMutex
	db   *bolt.DB
	path string
	// sealer seals and opens the records of an encrypted notebook; nil
	// for a plain one.
	sealer *sealer
	// drainedAtOpen is what Open took in from the spool (see DrainedAtOpen).
	drainedAtOpen DrainReport
	// failed are the changes writes could not make, for a rescue file
	// (see WriteRescue).
	failedMu sync.Mutex
	failed   []RescuedChange
	// now stamps the changes the store makes on its own (see touch).
	now func() time.Time
	// spoolWatch and backups run beside the UI's transactions; Close
	// stops both (see WatchSpool and RollingBackup).
	spoolWatch spoolWatch
	backups    backupRuns
}

// Option changes how Open and OpenReadOnly open a notebook.
type Option func(*openOptions)

type openOptions struct {
	passphrase []byte
	now        func() time.Time
}

// WithClock sets the clock the store stamps its own changes with (a stage
// moved by a logged entry or a schedule); time.Now by default. Tests that
// compare two notebooks changed at different moments fix it.
func WithClock(now func() time.Time) Option {
	return func(o *openOptions) { o.now = now }
}

// WithPassphrase gives the passphrase of an encrypted notebook. A plain
// notebook ignores it. Without it, an encrypted notebook is ErrNeedsPassphrase.
func WithPassphrase(p []byte) Option {
	return func(o *openOptions) { o.passphrase = p }
}

func (o openOptions) clock() func() time.Time {
	if o.now == nil {
		return time.Now
	}
	return o.now
}

func collect(opts []Option) openOptions {
	var o openOptions
	for _, opt := range opts {
		opt(&o)
	}
	return o
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

// Open opens the notebook at path for reading and writing, creating it (and
// its folder, 0700) if there is none. A symbolic link is followed to the
// file it names, and a dangling one gets its target created, never replaced.
// A file that is not a Parley notebook, or is damaged, is refused and left
// untouched, and opening an up-to-date notebook writes nothing unless
// changes wait in its spool (see SpoolContact), which are taken in first,
// or its spool key is missing (an encrypted notebook; see keepRecipient).
// An encrypted notebook needs WithPassphrase: without it Open returns
// ErrNeedsPassphrase, and with a wrong one ErrWrongPassphrase, both after
// changing nothing.
func Open(path string, opts ...Option) (*Store, error) {
	s, err := open(path, false, collect(opts))
	if err != nil {
		return nil, fmt.Errorf("open notebook %s: %w", path, err)
	}
	if s.drainedAtOpen, err = s.DrainSpool(); err != nil {
		s.Close()
		return nil, fmt.Errorf("open notebook %s: %w", path, err)
	}
	return s, nil
}

// OpenReadOnly opens the notebook at path for reading only: it never
// creates, upgrades or writes anything, so it works on a read-only file and
// a typo in the path is an error (ErrNoNotebook) rather than a new, empty
// notebook.
func OpenReadOnly(path string, opts ...Option) (*Store, error) {
	s, err := open(path, true, collect(opts))
	if err != nil {
		if errors.Is(err, ErrNoNotebook) {
			return nil, fmt.Errorf("%w at %s", ErrNoNotebook, path)
		}
		return nil, fmt.Errorf("open notebook %s: %w", path, err)
	}
	return s, nil
}

func open(path string, readOnly bool, opts openOptions) (*Store, error) {
	target, exists, err := locate(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		if readOnly {
			return nil, ErrNoNotebook
		}
		if err := createFolderFor(path, target); err != nil {
			return nil, err
		}
		if err := create(target); err != nil {
			return nil, err
		}
	}
	if err := checkFile(target); err != nil {
		return nil, err
	}
	// Look before writing: a read-only open changes nothing, even on a
	// file some other program made or one that turns out damaged.
	ro, err := guardedOpen(target, &bolt.Options{Timeout: LockTimeout, ReadOnly: true, OpenFile: openExisting})
	if err != nil {
		return nil, err
	}
	var schema int
	var crypt cryptRecord
	var encrypted bool
	err = guard(func() error {
		return ro.View(func(tx *bolt.Tx) error {
			var err error
			if schema, err = identify(tx); err != nil {
				return err
			}
			if crypt, encrypted, err = readCryptRecord(tx); err != nil || schema < len(migrations) {
				return err
			}
			return checkLayout(tx)
		})
	})
	var seal *sealer
	if err == nil && encrypted {
		seal, err = unlockWith(crypt, opts.passphrase)
	}
	upToDate := schema == len(migrations)
	if err == nil && readOnly && !upToDate {
		err = ErrNeedsUpgrade
	}
	if err == nil && !upToDate {
		err = guard(func() error { return keepCopyBeforeUpgrade(ro, target) })
	}
	if err != nil {
		ro.Close()
		return nil, err
	}
	if readOnly {
		register(ro, seal)
		return &Store{db: ro, path: path, sealer: seal, now: opts.clock()}, nil
	}
	if err := ro.Close(); err != nil {
		return nil, err
	}
	db, err := guardedOpen(target, &bolt.Options{Timeout: LockTimeout, OpenFile: openExisting})
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, sealer: seal, now: opts.clock()}
	register(db, seal)
	if !upToDate {
		if err := guard(func() error { return db.Update(migrate) }); err != nil {
			s.Close()
			return nil, err
		}
	}
	if err := s.keepRecipient(); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.refreshStaleSummaries(); err != nil {
		s.Close()
		return nil, fmt.Errorf("work out the contacts' summaries again: %w", err)
	}
	if err := s.compactIfPending(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// create makes a new, empty notebook at path, at the current schema. It is
// built under a temporary name and then hard-linked into place, which fails if path exists: of
// several Parleys creating the same notebook at once exactly one file wins
// and everyone opens that one, and a crash never leaves a half-made file
// that a later Open would take for someone else's.
func create(path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*")
	if err != nil {
		return err
	}
	tmpPath := tmp.Name()
	defer os.Remove(tmpPath)
	if err := tmp.Close(); err != nil {
		return err
	}
	db, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: LockTimeout})
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
		if err := meta.Put(keySchema, []byte("0")); err != nil {
			return err
		}
		return migrate(tx)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Link(tmpPath, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil // another Parley made it first; open theirs
		}
		return fmt.Errorf("create the notebook file: %w", err)
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
		return nil, fmt.Errorf("%w: a page fails its checksum", ErrDamaged)
	}
	return db, err
}

// guard runs f, turning a panic or a memory fault (which a damaged mapped
// file can cause) into ErrDamaged instead of a crash. What went wrong
// inside is not shown: it would mean nothing to the user.
func guard(f func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: its structure cannot be read", ErrDamaged)
		}
	}()
	return f()
}

// identify checks that the file is a Parley notebook this version can read
// and returns its schema version.
func identify(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keyApp)) != string(appName) {
		return 0, ErrNotNotebook
	}
	v, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil || v < 0 {
		return 0, fmt.Errorf("%w: its schema version is unreadable", ErrDamaged)
	}
	if v > len(migrations) {
		return 0, fmt.Errorf("%w (schema %d; this one reads up to %d)", ErrTooNew, v, len(migrations))
	}
	return v, nil
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
	// 2 → 3: a summary per contact (summary.go).
	migrateToSummaries,
}

// layout is what a notebook of the current schema holds: every bucket, and
// whether its records are keyed by a sequence number. Add to it when a
// migration adds a bucket.
var layout = []struct {
	name       []byte
	sequential bool
}{
	{bucketContacts, true}, {bucketInterviews, true}, {bucketInteractions, true},
	{bucketQuestions, false}, {bucketPlans, false}, {bucketTemplates, false}, {bucketSettings, false},
	{bucketInterviewNotes, false}, {bucketChecklists, false}, {bucketQuestionStats, false},
	{bucketInteractionTexts, false}, {bucketContactInterviews, false}, {bucketContactInteractions, false},
	{bucketContactSummaries, false},
}

// checkLayout finds damage to a notebook's shape, reading only a few pages
// whatever its size: a bucket missing, or a bucket whose next ID is already
// taken, so the next record added there would overwrite one.
func checkLayout(tx *bolt.Tx) error {
	for _, l := range layout {
		b := tx.Bucket(l.name)
		if b == nil {
			return fmt.Errorf("%w: its %s bucket is missing", ErrDamaged, l.name)
		}
		if !l.sequential {
			continue
		}
		last, _ := b.Cursor().Last()
		switch {
		case last == nil:
		case len(last) != 8:
			return fmt.Errorf("%w: its %s bucket holds a record whose key is not an ID (%q)", ErrDamaged, l.name, last)
		case binary.BigEndian.Uint64(last) > b.Sequence():
			return fmt.Errorf("%w: its %s bucket's next ID (%d) is below its last record's (%d)",
				ErrDamaged, l.name, b.Sequence()+1, binary.BigEndian.Uint64(last))
		}
	}
	return nil
}

// SchemaVersion is the schema this build of Parley writes.
func SchemaVersion() int { return len(migrations) }

func migrate(tx *bolt.Tx) error {
	v, err := identify(tx)
	if err != nil {
		return err
	}
	for ; v < len(migrations); v++ {
		if err := migrations[v](tx); err != nil {
			return fmt.Errorf("upgrade notebook to schema %d: %w", v+1, err)
		}
	}
	if err := tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(v))); err != nil {
		return err
	}
	return checkLayout(tx)
}

// Close closes the notebook.
func (s *Store) Close() error {
	s.spoolWatch.stop()
	s.backups.stop()
	s.swap.Lock()
	defer s.swap.Unlock()
	unregister(s.db)
	return s.db.Close()
}

// view runs a read transaction on the notebook as it is now.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	s.swap.RLock()
	defer s.swap.RUnlock()
	return s.db.View(fn)
}

// update runs a write transaction on the notebook as it is now.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	s.swap.RLock()
	defer s.swap.RUnlock()
	return s.db.Update(fn)
}

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
	key := itob(id)
	if data, err = sealRecord(b.Tx(), key, v, data); err != nil {
		return err
	}
	return b.Put(key, data)
}

// get decodes the value under id. The JSON decoder copies what it needs, so
// nothing returned points into bbolt's memory after the transaction.
func get[T any](b *bolt.Bucket, id uint64, v *T) error {
	if b == nil {
		return errMissingBucket
	}
	key := itob(id)
	data := b.Get(key)
	if data == nil {
		return ErrNotFound
	}
	data, err := sealerOf(b.Tx()).openRecord(key, v, data)
	if err != nil {
		return err
	}
	return decodeRecord(key, data, v)
}

// errMissingBucket is what a read finds if a bucket vanished after Open
// checked the layout; it stands in for a crash on a nil bucket.
var errMissingBucket = fmt.Errorf("%w: a part of it is missing", ErrDamaged)

func forEach[T any](b *bolt.Bucket, f func(T) error) error {
	if b == nil {
		return errMissingBucket
	}
	opener, err := recordOpener[T](b.Tx())
	if err != nil {
		return err
	}
	return b.ForEach(func(key, data []byte) error {
		var v T
		data, err := opener.open(key, data)
		if err != nil {
			return err
		}
		if err := decodeRecord(key, data, &v); err != nil {
			return err
		}
		return f(v)
	})
}

// getValue decodes the single value stored under key in bucket into v,
// leaving v as it is when there is none. Unmarshal copies what it needs,
// so nothing points into bbolt's memory afterwards.
func (s *Store) getValue(bucket, key []byte, v any) error {
	return s.view(func(tx *bolt.Tx) error {
		data, err := getRaw(tx, bucket, key)
		if err != nil || data == nil {
			return err
		}
		if err := json.Unmarshal(data, v); err != nil {
			return fmt.Errorf("%w: the %s record %q %s", ErrDamaged, bucket, key, jsonProblem(err))
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
	return s.update(func(tx *bolt.Tx) error { return putRaw(tx, bucket, key, data) })
}
