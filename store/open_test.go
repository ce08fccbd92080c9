package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"parley/model"
	"parley/store/storetest"
)

// notebookWithRecords is a closed notebook holding a contact, an interview
// and a timeline entry.
func notebookWithRecords(t *testing.T) string {
	t.Helper()
	s, path := openTemp(t)
	c, err := s.PutContact(sampleContact())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutInterview(sampleInterview(c.ID)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindRequest, At: t0}, true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

func TestOpeningAnUpToDateNotebookWritesNothing(t *testing.T) {
	path := notebookWithRecords(t)
	before := fingerprint(t, path)
	for _, open := range []func(string, ...Option) (*Store, error){Open, OpenReadOnly} {
		s, err := open(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Snapshot(); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if after := fingerprint(t, path); after != before {
			t.Fatal("opening and reading changed the file")
		}
	}
}

func TestOpenReadOnlyCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "typo", "parley.db")
	_, err := OpenReadOnly(path)
	if !errors.Is(err, ErrNoNotebook) || err.Error() != "no notebook at "+path {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the folder was created: %v", err)
	}
}

func TestOpenReadOnlyReadsAReadOnlyFile(t *testing.T) {
	path := notebookWithRecords(t)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if nb, err := s.Snapshot(); err != nil || len(nb.Contacts) != 1 {
		t.Errorf("snapshot = %+v, %v", nb, err)
	}
	if _, err := s.PutContact(model.Contact{Name: "Bo"}); err == nil {
		t.Error("a read-only store wrote")
	}
}

func TestOpenReadOnlyRefusesAnOldSchema(t *testing.T) {
	path := notebookWithRecords(t)
	if err := storetest.Put(path, "meta", []byte("schema"), []byte("0")); err != nil {
		t.Fatal(err)
	}
	before := fingerprint(t, path)
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrNeedsUpgrade) {
		t.Errorf("err = %v, want ErrNeedsUpgrade", err)
	}
	if fingerprint(t, path) != before {
		t.Error("the file was changed")
	}
	s, err := Open(path) // upgrades
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestDanglingSymlinkIsFollowedNotReplaced(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "parley.db")
	target := filepath.Join(dir, "real", "notebook.db")
	os.Mkdir(filepath.Dir(target), 0o700)
	if err := os.Symlink("real/notebook.db", link); err != nil {
		t.Fatal(err)
	}
	s, err := Open(link)
	if err != nil {
		t.Fatal(err)
	}
	s.PutContact(model.Contact{Name: "Ana"})
	s.Close()
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if info, err := os.Stat(target); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("target: %v, %v", info, err)
	}
	s, err = OpenReadOnly(link)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if cs, _ := s.Contacts(); len(cs) != 1 {
		t.Errorf("contacts through the link = %v", cs)
	}
}

func TestSymlinkIntoMissingFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "parley.db")
	os.Symlink(filepath.Join(dir, "gone", "n.db"), link)
	_, err := Open(link)
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "gone")); !errors.Is(err, os.ErrNotExist) {
		t.Error("the link's folder was created")
	}
}

func TestSymlinkLoopIsRefused(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink(b, a)
	os.Symlink(a, b)
	if _, err := Open(a); !errors.Is(err, ErrNotNotebook) {
		t.Errorf("err = %v", err)
	}
}

func TestNotARegularFileIsRefusedAtOnce(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// A FIFO would block an open for reading until a writer comes; the
	// test would hang rather than fail, which go test's timeout reports.
	for path, want := range map[string]string{fifo: "named pipe", dir: "folder", "/dev/null": "device"} {
		for _, open := range []func(string, ...Option) (*Store, error){Open, OpenReadOnly} {
			_, err := open(path)
			if !errors.Is(err, ErrNotNotebook) || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: err = %v, want it to say %q", path, err, want)
			}
		}
	}
}

func TestDamageIsNamedAndTheFileUntouched(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(path string) error
		want   string
	}{
		{"missing bucket", func(p string) error { return storetest.DeleteBucket(p, "interviews") }, "interviews bucket is missing"},
		{"contact not JSON", func(p string) error { return storetest.Put(p, "contacts", storetest.ID(1), []byte("{not json")) }, "contact 1 is not valid JSON"},
		{"contact null", func(p string) error { return storetest.Put(p, "contacts", storetest.ID(1), []byte("null")) }, "contact 1 says it is number 0"},
		{"interview wrong type", func(p string) error {
			return storetest.Put(p, "interviews", storetest.ID(1), []byte(`{"id":1,"notes":"x"}`))
		}, `interview 1 has a wrong value in "notes"`},
		{"timeline entry empty", func(p string) error { return storetest.Put(p, "interactions", storetest.ID(1), nil) }, "timeline entry 1 is not valid JSON"},
		{"template array", func(p string) error { return storetest.Put(p, "templates", []byte("u-1"), []byte("[]")) }, `template "u-1" is not the right kind`},
		{"schema -1", func(p string) error { return storetest.Put(p, "meta", []byte("schema"), []byte("-1")) }, "schema version is unreadable"},
		{"schema words", func(p string) error { return storetest.Put(p, "meta", []byte("schema"), []byte("one")) }, "schema version is unreadable"},
		{"sequence behind", func(p string) error { return storetest.SetSequence(p, "contacts", 0) }, "contacts bucket's next ID (1) is below its last record's (1)"},
		{"key not an ID", func(p string) error { return storetest.Put(p, "contacts", []byte("\xff\xffzz"), []byte("{}")) }, "key is not an ID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := notebookWithRecords(t)
			if err := tc.damage(path); err != nil {
				t.Fatal(err)
			}
			before := fingerprint(t, path)
			err := openAndRead(path)
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrDamaged saying %q", err, tc.want)
			}
			if err != nil && (strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "runtime error")) {
				t.Errorf("err is not one plain line: %q", err)
			}
			if fingerprint(t, path) != before {
				t.Error("the file was changed")
			}
		})
	}
}

// openAndRead opens path both ways and reads everything, returning the
// first error.
func openAndRead(path string) error {
	for _, open := range []func(string, ...Option) (*Store, error){OpenReadOnly, Open} {
		s, err := open(path)
		if err != nil {
			return err
		}
		err = s.Verify()
		if err == nil {
			_, err = s.Snapshot()
		}
		s.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func TestScrambledPagesAreDamageNotACrash(t *testing.T) {
	for _, fill := range []byte{0x00, 0xaa, 0xff} {
		path := notebookWithRecords(t)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// Keep the two meta pages, so the file still looks like bbolt's,
		// and scramble every page after them.
		const pageSize = 4096
		for i := 2 * pageSize; i < len(data); i++ {
			data[i] = fill ^ byte(i)
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		before := fingerprint(t, path)
		err = openAndRead(path)
		if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotNotebook) {
			t.Errorf("fill %#x: err = %v, want damage reported", fill, err)
		}
		if err != nil && (strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "runtime")) {
			t.Errorf("fill %#x: err is not one plain line: %q", fill, err)
		}
		if fingerprint(t, path) != before {
			t.Errorf("fill %#x: the file was changed", fill)
		}
		t.Logf("fill %#x: %v", fill, err)
	}
}
