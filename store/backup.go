package store

import (
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

	bolt "go.etcd.io/bbolt"
)

// KeepBackups is how many daily backups RollingBackup keeps.
const KeepBackups = 7

// BackupFolder is where RollingBackup keeps the notebook at path's daily
// copies: a backups folder beside it.
func BackupFolder(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// Backup writes a consistent copy of the notebook to dest as it is now:
// 0600, synced, under a temporary name until whole, so dest is never a
// part copy. It refuses to write over the notebook itself.
func (s *Store) Backup(dest string) error {
	if err := s.refuseSelf(dest); err != nil {
		return err
	}
	if info, err := os.Stat(dest); err == nil && info.IsDir() {
		return fmt.Errorf("back up to %s: it is a folder; give a file name", dest)
	}
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error { return writeCopy(tx, dest, nil) })
	})
	if err != nil {
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	return nil
}

// refuseSelf refuses dest if it is the notebook's own file, by any name.
func (s *Store) refuseSelf(dest string) error {
	target, _, err := locate(s.path)
	if err != nil {
		return err
	}
	a, errA := os.Stat(target)
	b, errB := os.Stat(dest)
	absA, _ := filepath.Abs(target)
	absB, _ := filepath.Abs(dest)
	if (errA == nil && errB == nil && os.SameFile(a, b)) || absA == absB {
		return fmt.Errorf("back up to %s: that is the notebook itself; choose another file", dest)
	}
	return nil
}

// ErrBackupStopped is RollingBackup's error when Close stopped it: nothing
// is wrong with the notebook, and the copy is made at the next open.
var ErrBackupStopped = errors.New("the notebook was closed before the copy was finished")

// backupRuns lets Close stop a daily backup in flight instead of waiting
// for it: the copy holds a read transaction for as long as it takes to
// write the whole file (about 1.3 s at 50,000 contacts), and bbolt's Close
// waits for every read transaction.
type backupRuns struct {
	mu      sync.Mutex
	stopped chan struct{}
}

// done is closed once Close has begun; a backup that starts after it
// stops at once.
func (b *backupRuns) done() <-chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stopped == nil {
		b.stopped = make(chan struct{})
	}
	return b.stopped
}

func (b *backupRuns) stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stopped == nil {
		b.stopped = make(chan struct{})
	}
	select {
	case <-b.stopped:
	default:
		close(b.stopped)
	}
}

// stoppable is a copy's writer that fails once stop is closed, so a copy
// in flight ends at its next write (every 32 KiB).
type stoppable struct {
	w    io.Writer
	stop <-chan struct{}
}

func (s stoppable) Write(p []byte) (int, error) {
	select {
	case <-s.stop:
		return 0, ErrBackupStopped
	default:
		return s.w.Write(p)
	}
}

// RollingBackup keeps one copy of the notebook a day in BackupFolder, the
// last KeepBackups of them: if there is none for now's date yet it makes
// one, then removes the oldest beyond KeepBackups. It returns the copy it
// made, or "" when today's was already there. The folder is made 0700 and
// every copy 0600.
//
// It may run while the notebook is in use (the interface starts it once
// the first screen is up): the copy is the notebook as it was when it
// began. Close stops it (ErrBackupStopped) rather than waiting; a copy
// stopped or cut short by a crash is only ever under a temporary name
// (".new"), never taken for a day's backup, and removed by the next run.
func (s *Store) RollingBackup(now time.Time) (string, error) {
	target, _, err := locate(s.path)
	if err != nil {
		return "", fmt.Errorf("daily backup: %w", err)
	}
	dir := BackupFolder(target)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("daily backup: %w", err)
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return "", fmt.Errorf("daily backup: %s is not a folder", dir)
	}
	prefix := strings.TrimSuffix(filepath.Base(target), filepath.Ext(target)) + "-"
	name := filepath.Join(dir, prefix+now.Format(time.DateOnly)+".db")
	made := ""
	if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
		stop := s.backups.done()
		err := guard(func() error {
			return s.view(func(tx *bolt.Tx) error { return writeCopy(tx, name, stop) })
		})
		if err != nil {
			select {
			case <-stop:
				// bbolt words the writer's error in its own (%s, not %w),
				// and one closed before the copy began is ErrDatabaseNotOpen.
				err = ErrBackupStopped
			default:
			}
		}
		if err != nil {
			return "", fmt.Errorf("daily backup: %w", err)
		}
		made = name
	} else if err != nil {
		return "", fmt.Errorf("daily backup: %w", err)
	}
	return made, pruneBackups(dir, prefix)
}

// pruneBackups removes all but the newest KeepBackups daily copies in dir,
// and any copy a run stopped or a crash cut short (see RollingBackup): only
// the Parley holding the notebook writes them, and that is the caller.
// Their names end in the date, so name order is date order. Other files
// are left alone.
func pruneBackups(dir, prefix string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("daily backup: %w", err)
	}
	var daily []string
	for _, e := range entries {
		n := e.Name()
		date, ok := strings.CutPrefix(n, prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if part, ok := strings.CutSuffix(date, ".db.new"); ok {
			if _, err := time.Parse(time.DateOnly, part); err == nil {
				if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return fmt.Errorf("daily backup: remove an unfinished copy: %w", err)
				}
			}
			continue
		}
		if !strings.HasSuffix(date, ".db") {
			continue
		}
		if _, err := time.Parse(time.DateOnly, strings.TrimSuffix(date, ".db")); err == nil {
			daily = append(daily, n)
		}
	}
	slices.Sort(daily)
	for len(daily) > KeepBackups {
		if err := os.Remove(filepath.Join(dir, daily[0])); err != nil {
			return fmt.Errorf("daily backup: remove the oldest: %w", err)
		}
		daily = daily[1:]
	}
	return nil
}

// Check verifies the notebook: bbolt's own check of its pages (every page
// reachable once, no page both used and free) and that every record
// decodes (Verify). It reports every structural problem bbolt finds, in
// one error; it writes nothing.
func (s *Store) Check() error {
	var problems []string
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				problems = append(problems, err.Error())
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		if len(problems) > 10 {
			problems = append(problems[:10], fmt.Sprintf("… and %d more", len(problems)-10))
		}
		return fmt.Errorf("%w: its structure has %d problem(s): %s", ErrDamaged, len(problems), strings.Join(problems, "; "))
	}
	return s.Verify()
}
