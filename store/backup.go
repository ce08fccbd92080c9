package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
		return s.view(func(tx *bolt.Tx) error { return writeCopy(tx, dest) })
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

// RollingBackup keeps one copy of the notebook a day in BackupFolder, the
// last KeepBackups of them: if there is none for now's date yet it makes
// one, then removes the oldest beyond KeepBackups. It returns the copy it
// made, or "" when today's was already there. The folder is made 0700 and
// every copy 0600.
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
		err := guard(func() error {
			return s.view(func(tx *bolt.Tx) error { return writeCopy(tx, name) })
		})
		if err != nil {
			return "", fmt.Errorf("daily backup: %w", err)
		}
		made = name
	} else if err != nil {
		return "", fmt.Errorf("daily backup: %w", err)
	}
	return made, pruneBackups(dir, prefix)
}

// pruneBackups removes all but the newest KeepBackups daily copies in dir.
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
		if !ok || !e.Type().IsRegular() || !strings.HasSuffix(date, ".db") {
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
