package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notebook", "parley.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

var t0 = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)

func sampleContact() model.Contact {
	return model.Contact{
		Name: "Ana Ruiz", Role: "Policy analyst", Organisation: "City Council",
		Field: "public policy", CareerStage: model.MidCareer, Email: "ana@example.org",
		Phone: "+1 555 0100", ProfileURL: "https://example.org/ana", Location: "Leeds",
		FoundVia: "professor", Tags: []string{"policy", "local"}, Notes: "Moved from teaching.",
		Stage: model.ToContact, MayMentionName: true, Created: t0, Updated: t0,
	}
}

func TestCreatesFolderAndFilePrivately(t *testing.T) {
	_, path := openTemp(t)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o600 {
		t.Errorf("file mode = %o, want 600", got)
	}
	dir, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if got := dir.Mode().Perm(); got != 0o700 {
		t.Errorf("folder mode = %o, want 700", got)
	}
	if _, err := os.Stat(path + ".new"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file left behind: %v", err)
	}
}

func TestContactRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	saved, err := s.PutContact(sampleContact())
	if err != nil {
		t.Fatal(err)
	}
	if saved.ID == 0 {
		t.Fatal("PutContact gave no ID")
	}
	got, err := s.Contact(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, saved) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, saved)
	}
	second, _ := s.PutContact(model.Contact{Name: "Bo"})
	if second.ID == saved.ID {
		t.Errorf("IDs collide: %d", second.ID)
	}
	all, err := s.Contacts()
	if err != nil || len(all) != 2 || all[0].ID != saved.ID {
		t.Errorf("Contacts = %v, %v", all, err)
	}
	saved.Role = "Senior analyst"
	if _, err := s.PutContact(saved); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Contact(saved.ID); got.Role != "Senior analyst" {
		t.Errorf("update lost: %q", got.Role)
	}
}

func TestContactNeedsName(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.PutContact(model.Contact{Name: "  "}); err == nil {
		t.Fatal("saved a contact with no name")
	}
	if all, _ := s.Contacts(); len(all) != 0 {
		t.Errorf("nameless contact stored: %v", all)
	}
}

func sampleInterview(contactID uint64) model.Interview {
	iv := model.NewInterview(contactID, []string{"How did you get here?", "What is a typical day?"}, t0)
	iv.Clock = iv.Clock.Start(t0).Pause(t0.Add(90 * time.Second))
	iv.ToggleAsked(0, t0.Add(30*time.Second))
	iv.Questions[1].MustAsk = true
	iv.Notes = []model.Note{{At: 42 * time.Second, QuestionID: 1, Text: "Started in teaching.\nThen policy."}}
	iv.Rev = 3
	return iv
}

func TestInterviewRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	c, _ := s.PutContact(sampleContact())
	saved, err := s.PutInterview(sampleInterview(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Interview(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, saved) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, saved)
	}
	list, err := s.Interviews(c.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("Interviews = %v, %v", list, err)
	}
	if other, _ := s.Interviews(c.ID + 100); len(other) != 0 {
		t.Errorf("interviews of another contact: %v", other)
	}
}

func TestStaleInterviewSaveIsAConflict(t *testing.T) {
	s, _ := openTemp(t)
	c, _ := s.PutContact(sampleContact())
	iv, _ := s.PutInterview(sampleInterview(c.ID))
	newer := iv
	newer.Notes = append([]model.Note(nil), iv.Notes...)
	newer.Notes[0].Text = "newer"
	newer, err := s.PutInterview(newer)
	if err != nil {
		t.Fatal(err)
	}
	if newer.Rev != iv.Rev+1 {
		t.Errorf("rev after save = %d, want %d", newer.Rev, iv.Rev+1)
	}
	older := iv // read before the save above: it lost the race
	if _, err := s.PutInterview(older); !errors.Is(err, ErrConflict) {
		t.Errorf("stale save: err = %v, want ErrConflict", err)
	}
	got, _ := s.Interview(iv.ID)
	if got.Notes[0].Text != "newer" || got.Rev != newer.Rev {
		t.Errorf("stale save overwrote newer notes: rev %d, %q", got.Rev, got.Notes[0].Text)
	}
}

func TestInterviewNeedsItsContact(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.PutInterview(sampleInterview(99)); !errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

func TestDeleteContactCascades(t *testing.T) {
	s, _ := openTemp(t)
	a, _ := s.PutContact(sampleContact())
	b, _ := s.PutContact(model.Contact{Name: "Bo"})
	ivA, _ := s.PutInterview(sampleInterview(a.ID))
	s.PutInterview(sampleInterview(a.ID))
	ivB, _ := s.PutInterview(sampleInterview(b.ID))
	if err := s.DeleteContact(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Contact(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("contact still there: %v", err)
	}
	if _, err := s.Interview(ivA.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("interview of deleted contact still there: %v", err)
	}
	if _, err := s.Interview(ivB.ID); err != nil {
		t.Errorf("other contact's interview lost: %v", err)
	}
	if err := s.DeleteContact(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	s, path := openTemp(t)
	c, _ := s.PutContact(sampleContact())
	iv, _ := s.PutInterview(sampleInterview(c.ID))
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Interview(iv.ID)
	if err != nil || !reflect.DeepEqual(got, iv) {
		t.Errorf("after reopen: %+v, %v", got, err)
	}
}

func TestLockedNotebookFailsFast(t *testing.T) {
	_, path := openTemp(t) // still open
	start := time.Now()
	_, err := Open(path)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %v to give up", took)
	}
	if want := path; !bytes.Contains([]byte(err.Error()), []byte(want)) {
		t.Errorf("error %q does not name the file", err)
	}
}

func writeFile(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func foreignBolt(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("widgets"))
		return b.Put([]byte("k"), []byte("v"))
	})
	db.Close()
	return path
}

func truncatedNotebook(t *testing.T) string {
	t.Helper()
	s, path := openTemp(t)
	for i := 0; i < 200; i++ {
		c := sampleContact()
		c.Notes = string(bytes.Repeat([]byte("research "), 200))
		s.PutContact(c)
	}
	s.Close()
	data, _ := os.ReadFile(path)
	return writeFile(t, data[:len(data)/2])
}

func TestBadFilesAreRefusedAndUntouched(t *testing.T) {
	random := make([]byte, 64*1024)
	for i := range random {
		random[i] = byte(i*7919 + i/13)
	}
	cases := map[string]struct {
		path string
		want error
	}{
		"empty":         {writeFile(t, nil), ErrNotNotebook},
		"random bytes":  {writeFile(t, random), ErrNotNotebook},
		"text":          {writeFile(t, []byte("name,email\nAna,ana@example.org\n")), ErrNotNotebook},
		"other program": {foreignBolt(t), ErrNotNotebook},
		"truncated":     {truncatedNotebook(t), ErrDamaged},
		"a folder":      {t.TempDir(), ErrNotNotebook},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			before := fingerprint(t, tc.path)
			s, err := Open(tc.path)
			if err == nil {
				s.Close()
				t.Fatal("opened a bad file")
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if after := fingerprint(t, tc.path); after != before {
				t.Error("the file was changed")
			}
		})
	}
}

func fingerprint(t *testing.T, path string) [32]byte {
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.IsDir() {
		return [32]byte{}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestMigrationRecordsSchema(t *testing.T) {
	s, _ := openTemp(t)
	err := s.db.View(func(tx *bolt.Tx) error {
		if got := string(tx.Bucket(bucketMeta).Get(keySchema)); got != strconv.Itoa(SchemaVersion()) {
			t.Errorf("schema = %q", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	s, path := openTemp(t)
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("99")) })
	s.Close()
	if _, err := Open(path); !errors.Is(err, ErrTooNew) {
		t.Errorf("err = %v, want ErrTooNew", err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("PARLEY_DB", "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, _ := DefaultPath(); p != "/data/parley/parley.db" {
		t.Errorf("XDG path = %q", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if p, _ := DefaultPath(); p != "/home/u/.local/share/parley/parley.db" {
		t.Errorf("home path = %q", p)
	}
	t.Setenv("PARLEY_DB", "/x.db")
	if p, _ := DefaultPath(); p != "/x.db" {
		t.Errorf("PARLEY_DB path = %q", p)
	}
}

// BenchmarkPutInterview1MB is one autosave of an interview holding 1 MB of
// notes: encode, compare revisions, write, fsync.
func BenchmarkPutInterview1MB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	c, _ := s.PutContact(model.Contact{Name: "Ana"})
	iv := model.NewInterview(c.ID, nil, t0)
	for size := 0; size < 1<<20; size += 200 {
		iv.Notes = append(iv.Notes, model.Note{Text: string(bytes.Repeat([]byte("n"), 200))})
	}
	iv, _ = s.PutInterview(iv)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if iv, err = s.PutInterview(iv); err != nil {
			b.Fatal(err)
		}
	}
}
