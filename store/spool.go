package store

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// The spool is how a change reaches a notebook that another Parley holds
// open: `parley add` writes the change to a file in a folder beside the
// notebook, and the next read-write open (or the running Parley, through
// DrainSpool) takes the files in, in one transaction. Each file carries a
// change ID that is recorded in the notebook with the change, so a crash
// between the commit and the removal of the file never applies it twice.

// spoolFormat names a spooled change file.
const spoolFormat = "parley-spool"

// spoolSuffix ends a finished change file; anything else in the folder (a
// temporary file being written, a refused file) is not taken in.
const spoolSuffix = ".json"

// rejectedSuffix is added to a change file that cannot be taken in, so it
// is kept for the user to look at but not read again.
const rejectedSuffix = ".rejected"

// maxSpoolFile bounds what DrainSpool reads from one file: a contact is a
// few kilobytes, and a huge file is not one of ours.
const maxSpoolFile = 1 << 20

// staleTemp is how old a temporary file must be before DrainSpool removes
// it: by then the writer that made it has died.
const staleTemp = time.Hour

// bucketSpool records the IDs of the spooled changes taken in. It is made
// when first needed and is not part of the exported notebook.
var bucketSpool = []byte("spool")

// spooledChange is one change file.
type spooledChange struct {
	Format  string         `json:"format"`
	ID      string         `json:"id"`
	At      time.Time      `json:"at"`
	Contact *model.Contact `json:"contact"`
}

// SpoolReceipt says where a spooled change waits.
type SpoolReceipt struct {
	ID   string
	File string
}

// DrainReport says what DrainSpool did.
type DrainReport struct {
	// Added are the contacts taken in, as saved.
	Added []model.Contact
	// Repeated counts files whose change was already in the notebook (a
	// crash came between taking it in and removing the file).
	Repeated int
	// Rejected names files that could not be taken in and why; each was
	// renamed to end in ".rejected" and left in the folder.
	Rejected []string
}

// SpoolDir is the folder beside the notebook at path (after following
// symbolic links) where changes wait while another Parley holds it.
func SpoolDir(path string) (string, error) {
	target, _, err := locate(path)
	if err != nil {
		return "", err
	}
	return target + ".spool", nil
}

// SpoolContact leaves a new contact for the notebook at path without
// opening it: for when another Parley holds it. The file is written whole
// or not at all (a temporary file, synced, then renamed), readable by the
// user alone, in a folder made 0700. The contact gets its ID when it is
// taken in.
func SpoolContact(path string, c model.Contact, now time.Time) (SpoolReceipt, error) {
	if msg := c.Validate(); msg != "" {
		return SpoolReceipt{}, errors.New(msg)
	}
	c.ID = 0
	dir, err := SpoolDir(path)
	if err != nil {
		return SpoolReceipt{}, err
	}
	if err := makeSpoolDir(dir); err != nil {
		return SpoolReceipt{}, fmt.Errorf("make the spool folder %s: %w", dir, err)
	}
	var id [16]byte
	if _, err := rand.Read(id[:]); err != nil {
		return SpoolReceipt{}, err
	}
	ch := spooledChange{Format: spoolFormat, ID: hex.EncodeToString(id[:]), At: now, Contact: &c}
	data, err := json.Marshal(ch)
	if err != nil {
		return SpoolReceipt{}, err
	}
	data, suffix, err := sealChange(path, dir, data)
	if err != nil {
		return SpoolReceipt{}, fmt.Errorf("seal the change: %w", err)
	}
	// The time first, so the files sort in the order they were made.
	name := filepath.Join(dir, fmt.Sprintf("%020d-%s%s", now.UnixNano(), ch.ID, suffix))
	if err := writeAtomically(name, data); err != nil {
		return SpoolReceipt{}, fmt.Errorf("spool the change: %w", err)
	}
	return SpoolReceipt{ID: ch.ID, File: name}, nil
}

// makeSpoolDir makes the folder 0700, or checks that what is there is a
// folder.
func makeSpoolDir(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return errors.New("it is not a folder")
	}
	return nil
}

// writeAtomically writes data to name through a temporary file in the same
// folder: written, synced, renamed, and the folder synced, so after a
// crash name is either absent or whole.
func writeAtomically(name string, data []byte) error {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, ".tmp-*") // 0600
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return err
	}
	// The change is in place; a folder that cannot be synced (some network
	// and FUSE mounts) must not make the caller report a failure and try
	// again, which would queue the change twice.
	syncDir(dir)
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// DrainSpool takes in the changes waiting in the spool folder, in the
// order they were made, in one transaction, then removes their files. It
// is safe to call at any time and from any number of Parleys: a change
// already taken in (its ID is recorded) is not applied again, and a file
// that cannot be read is set aside as ".rejected" and reported, never
// guessed at. With no spool folder it does nothing.
func (s *Store) DrainSpool() (DrainReport, error) {
	var report DrainReport
	dir, err := SpoolDir(s.path)
	if err != nil {
		return report, err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return report, nil
	}
	if err != nil {
		return report, fmt.Errorf("read the spool folder %s: %w", dir, err)
	}
	type pending struct {
		file   string
		change spooledChange
	}
	var changes []pending
	for _, e := range entries {
		name := e.Name()
		file := filepath.Join(dir, name)
		if strings.HasPrefix(name, ".tmp-") {
			removeIfStale(file)
			continue
		}
		if !isChangeFile(name) {
			continue
		}
		ch, err := readSpooled(file, s.sealer)
		if err != nil {
			report.Rejected = append(report.Rejected, fmt.Sprintf("%s: %v", name, err))
			if rerr := os.Rename(file, file+rejectedSuffix); rerr != nil {
				return report, fmt.Errorf("set aside %s: %w", file, rerr)
			}
			continue
		}
		changes = append(changes, pending{file, ch})
	}
	slices.SortFunc(changes, func(a, b pending) int { return strings.Compare(a.file, b.file) })
	if len(changes) == 0 {
		return report, nil
	}
	err = guard(func() error {
		return s.update(func(tx *bolt.Tx) error {
			report.Added, report.Repeated = nil, 0
			taken, err := tx.CreateBucketIfNotExists(bucketSpool)
			if err != nil {
				return err
			}
			contacts := tx.Bucket(bucketContacts)
			if contacts == nil {
				return errMissingBucket
			}
			for _, p := range changes {
				if taken.Get([]byte(p.change.ID)) != nil {
					report.Repeated++
					continue
				}
				c := *p.change.Contact
				if c.ReferredBy != 0 && contacts.Get(itob(c.ReferredBy)) == nil {
					c.ReferredBy = 0 // the referrer was deleted meanwhile
				}
				if c.ID, err = contacts.NextSequence(); err != nil {
					return err
				}
				if err := putContact(tx, c); err != nil {
					return err
				}
				if err := putRaw(tx, bucketSpool, []byte(p.change.ID), []byte(p.change.At.UTC().Format(time.RFC3339Nano))); err != nil {
					return err
				}
				report.Added = append(report.Added, c)
			}
			return nil
		})
	})
	if err != nil {
		return DrainReport{Rejected: report.Rejected}, fmt.Errorf("take in the changes waiting in %s: %w", dir, err)
	}
	// The changes are in the notebook now. A file that cannot be removed
	// is skipped by the next drain (its change is recorded) and tried
	// again, so it is said, not treated as a failure: failing here would
	// refuse to open a notebook that is fine.
	for _, p := range changes {
		if err := os.Remove(p.file); err != nil && !errors.Is(err, fs.ErrNotExist) {
			report.Rejected = append(report.Rejected, fmt.Sprintf("%s: taken in, but it could not be removed: %v", filepath.Base(p.file), err))
		}
	}
	syncDir(dir) // best effort: a file that reappears after a crash is skipped as repeated
	return report, nil
}

// DrainedAtOpen is what Open took in from the spool before it returned,
// so the program that opened the notebook can say so (and name the files
// it set aside) once it can show anything.
func (s *Store) DrainedAtOpen() DrainReport { return s.drainedAtOpen }

// readSpooled reads and checks one change file.
func readSpooled(file string, seal *sealer) (spooledChange, error) {
	var ch spooledChange
	info, err := os.Lstat(file)
	if err != nil {
		return ch, err
	}
	if !info.Mode().IsRegular() {
		return ch, errors.New("it is not a regular file")
	}
	f, err := os.Open(file)
	if err != nil {
		return ch, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSpoolFile+1))
	if err != nil {
		return ch, err
	}
	if len(data) > maxSpoolFile {
		return ch, errors.New("it is too large to be a change")
	}
	if strings.HasSuffix(file, sealedSuffix) {
		if data, err = seal.openChange(data); err != nil {
			return ch, err
		}
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ch); err != nil {
		return ch, fmt.Errorf("it is not a change Parley wrote (%s)", jsonProblem(err))
	}
	switch {
	case ch.Format != spoolFormat:
		return ch, errors.New("it is not a change Parley wrote")
	case len(ch.ID) != 32 || strings.Trim(ch.ID, "0123456789abcdef") != "":
		return ch, errors.New("its change ID is malformed")
	case ch.Contact == nil:
		return ch, errors.New("it holds no contact")
	}
	if msg := ch.Contact.Validate(); msg != "" {
		return ch, errors.New(msg)
	}
	return ch, nil
}

// removeIfStale removes a temporary file that its writer has long
// abandoned (it died before renaming it).
func removeIfStale(file string) {
	if info, err := os.Lstat(file); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > staleTemp {
		os.Remove(file)
	}
}

// spoolSettle is how long a watch lets a burst of arrivals settle before
// it says so: `parley add` run in a loop is then taken in by a few drains,
// not one per contact, still well inside the two seconds in which an added
// contact shows.
const spoolSettle = 100 * time.Millisecond

// spoolWatch is the Store's one watch of its spool folder (see WatchSpool).
// It is github.com/fsnotify/fsnotify: inotify on Linux, kqueue on macOS and
// the BSDs, ReadDirectoryChangesW on Windows, behind one API, where a
// hand-written watch would be one per system. A timer instead wakes the
// program every check: on the 2-core test machine a bare 1 Hz Go ticker
// costs 0.2-0.3% of a core, the whole of an idle Parley's budget.
type spoolWatch struct {
	mu      sync.Mutex
	fs      *fsnotify.Watcher
	arrived chan struct{}
	closed  bool
}

// WatchSpool makes the spool folder (0700) if it is missing and watches
// it, so a Parley holding the notebook learns of a change `parley add`
// leaves there without checking on a timer. The channel receives when
// something may have arrived (bursts are coalesced: one receive may stand
// for many files, and a receive may find nothing new); the caller then
// calls DrainSpool. The channel is closed when the watch ends: at Close,
// or when the folder itself is removed or moved. Events can be missed
// (the kernel's queue overflows, a file system that does not report
// them), so a caller still checks now and then. A second call returns the
// same channel.
func (s *Store) WatchSpool() (<-chan struct{}, error) {
	w := &s.spoolWatch
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil, errors.New("the notebook is closed")
	}
	if w.arrived != nil {
		return w.arrived, nil
	}
	dir, err := SpoolDir(s.path)
	if err != nil {
		return nil, err
	}
	if err := makeSpoolDir(dir); err != nil {
		return nil, fmt.Errorf("make the spool folder %s: %w", dir, err)
	}
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch the spool folder %s: %w", dir, err)
	}
	if err := watcher.Add(dir); err != nil {
		watcher.Close()
		return nil, fmt.Errorf("watch the spool folder %s: %w", dir, err)
	}
	w.fs, w.arrived = watcher, make(chan struct{}, 1)
	go relayArrivals(watcher, filepath.Clean(dir), w.arrived)
	return w.arrived, nil
}

// relayArrivals turns the folder's events into receives on arrived until
// the watcher is closed or the folder goes. Only a change file's arrival
// counts: the temporary file SpoolContact writes first, and the removals
// DrainSpool itself makes, wake no one.
func relayArrivals(watcher *fsnotify.Watcher, dir string, arrived chan<- struct{}) {
	defer close(arrived)
	var settle <-chan time.Time
	for {
		select {
		case ev, ok := <-watcher.Events:
			if !ok {
				return
			}
			if filepath.Clean(ev.Name) == dir && ev.Has(fsnotify.Remove|fsnotify.Rename) {
				return
			}
			if settle == nil && ev.Has(fsnotify.Create|fsnotify.Write) && isChangeFile(filepath.Base(ev.Name)) {
				settle = time.After(spoolSettle)
			}
		case _, ok := <-watcher.Errors:
			if !ok {
				return
			}
			// The kernel dropped events (its queue overflowed): look.
			if settle == nil {
				settle = time.After(spoolSettle)
			}
		case <-settle:
			settle = nil
			select {
			case arrived <- struct{}{}:
			default: // one is already waiting to be taken
			}
		}
	}
}

// isChangeFile tells a finished change file by its name.
func isChangeFile(name string) bool {
	return !strings.HasPrefix(name, ".tmp-") && (strings.HasSuffix(name, spoolSuffix) || strings.HasSuffix(name, sealedSuffix))
}

func (w *spoolWatch) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	if w.fs != nil {
		w.fs.Close() // its Events close, and relayArrivals closes arrived
		w.fs = nil
	}
}
