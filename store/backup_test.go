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

// A backup asked for after Close began stops before it writes a day's
// copy; what it started is removed.
func TestRollingBackupStoppedByClose(t *testing.T) {
	s, path := openTemp(t)
	s.backups.stop()
	made, err := s.RollingBackup(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))
	if !errors.Is(err, ErrBackupStopped) || made != "" {
		t.Fatalf("RollingBackup after stop = %q, %v; want ErrBackupStopped", made, err)
	}
	entries, _ := os.ReadDir(BackupFolder(path))
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
}

// Close while a backup runs: either the copy finished, whole, or it was
// stopped and nothing of it is left; Close never waits for the whole copy
// and nothing is corrupted.
func TestCloseDuringRollingBackup(t *testing.T) {
	s, path := openTemp(t)
	for i := range 300 {
		c := sampleContact()
		c.Notes = strings.Repeat("notes that make the file bigger ", 40+i%7)
		if _, err := s.PutContact(c); err != nil {
			t.Fatal(err)
		}
	}
	day := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	done := make(chan error, 1)
	go func() {
		_, err := s.RollingBackup(day)
		done <- err
	}()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	err := <-done
	dir := BackupFolder(path)
	copyPath := filepath.Join(dir, "parley-2026-01-01.db")
	switch {
	case err == nil:
		reopened, err := OpenReadOnly(copyPath)
		if err != nil {
			t.Fatalf("the finished copy does not open: %v", err)
		}
		if cs, err := reopened.Contacts(); err != nil || len(cs) != 300 {
			t.Errorf("the copy holds %d contacts, %v; want 300", len(cs), err)
		}
		reopened.Close()
	case errors.Is(err, ErrBackupStopped):
		if _, err := os.Stat(copyPath); err == nil {
			t.Error("a stopped backup left a day's copy")
		}
	default:
		t.Fatalf("RollingBackup: %v", err)
	}
	if _, err := os.Stat(copyPath + ".new"); err == nil {
		t.Error("a part copy was left behind")
	}
}

// A part copy a crash left (under its temporary name) is never a day's
// backup: the next run makes the day's copy and clears the part.
func TestRollingBackupClearsAPartCopy(t *testing.T) {
	s, path := openTemp(t)
	dir := BackupFolder(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"parley-2025-12-30.db.new", "parley-2026-01-01.db.new"} {
		if err := os.WriteFile(filepath.Join(dir, part), []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.db.new"), []byte("not ours"), 0o600); err != nil {
		t.Fatal(err)
	}
	made, err := s.RollingBackup(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))
	if err != nil || made == "" {
		t.Fatalf("RollingBackup = %q, %v", made, err)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "notes.db.new parley-2026-01-01.db" {
		t.Errorf("backups = %s; want the day's copy and the file that is not ours", got)
	}
}
