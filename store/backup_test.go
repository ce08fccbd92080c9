package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/store/storetest"
)

func TestRollingBackupOneADayLastSevenPrivate(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.PutContact(sampleContact()); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	made, err := s.RollingBackup(day)
	if err != nil || made == "" {
		t.Fatalf("first backup: %q, %v", made, err)
	}
	if again, err := s.RollingBackup(day.Add(5 * time.Hour)); err != nil || again != "" {
		t.Errorf("second backup the same day: %q, %v", again, err)
	}
	for i := 1; i < 10; i++ {
		if _, err := s.RollingBackup(day.AddDate(0, 0, i)); err != nil {
			t.Fatal(err)
		}
	}
	dir := BackupFolder(path)
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		info, _ := e.Info()
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s is %o, want 600", e.Name(), info.Mode().Perm())
		}
	}
	if len(names) != KeepBackups || names[0] != "parley-2026-01-04.db" || names[6] != "parley-2026-01-10.db" {
		t.Errorf("backups = %v", names)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("folder is %o, want 700", info.Mode().Perm())
	}
	copy, err := OpenReadOnly(filepath.Join(dir, names[6]))
	if err != nil {
		t.Fatal(err)
	}
	defer copy.Close()
	if nb, err := copy.Snapshot(); err != nil || len(nb.Contacts) != 1 {
		t.Errorf("the copy holds %+v, %v", nb.Contacts, err)
	}
}

func TestBackupRefusesTheNotebookItself(t *testing.T) {
	s, path := openTemp(t)
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{path, link, filepath.Join(filepath.Dir(path), ".", "parley.db")} {
		if err := s.Backup(dest); err == nil || !strings.Contains(err.Error(), "notebook itself") {
			t.Errorf("Backup(%s) = %v", dest, err)
		}
	}
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(dest); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(dest); info.Mode().Perm() != 0o600 {
		t.Errorf("copy is %o", info.Mode().Perm())
	}
}

func TestCheckFindsADamagedRecordAndWritesNothing(t *testing.T) {
	path := notebookWithRecords(t)
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("sound notebook: %v", err)
	}
	s.Close()
	if err := storetest.Put(path, "contacts", storetest.ID(1), []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	before := fingerprint(t, path)
	s, err = OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Check()
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "contact 1") {
		t.Errorf("err = %v", err)
	}
	if fingerprint(t, path) != before {
		t.Error("check changed the file")
	}
}
