package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/model"
)

// A write the notebook refuses is remembered as it was asked for (no ID
// or revision the failed transaction handed out); the rescue file goes to
// the temporary folder when the notebook's own cannot take it; restoring
// replays through the writers, and a conflict stays in the file.
func TestRescueRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.PutContact(model.Contact{Name: "Ana Ruiz", Stage: model.ToContact})
	if err != nil {
		t.Fatal(err)
	}
	iv, err := s.PutInterview(model.NewInterview(c.ID, []string{"How did you start?"}, time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	stale := iv
	iv.Notes = []model.Note{{Text: "newer notes"}}
	if _, err := s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	stale.Notes = []model.Note{{Text: "older notes"}}
	if _, err := s.PutInterview(stale); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale write: %v", err)
	}
	s.ForgetFailedWrites()
	if _, err := s.PutInterview(stale); err == nil {
		t.Fatal("stale write went through")
	}
	if _, err := s.PutContact(model.Contact{Name: "Bo Chen", ReferredBy: 999}); err == nil {
		t.Fatal("a contact referred by nobody was saved")
	}
	failed := s.FailedWrites()
	if len(failed) != 2 || failed[0].Kind != RescueInterview || failed[1].Kind != RescueContact ||
		!strings.Contains(string(failed[0].Record), `"rev":1`) || strings.Contains(string(failed[1].Record), `"id":3`) {
		t.Fatalf("failed writes = %+v", failed)
	}

	t.Setenv("TMPDIR", t.TempDir())
	path, err := WriteRescue(filepath.Join(dir, "gone", "parley.db"), failed, time.Now())
	if err != nil || filepath.Dir(path) != os.TempDir() {
		t.Fatalf("rescue file at %q (%v), want in %s", path, err, os.TempDir())
	}
	if got := FindRescues(filepath.Join(dir, "gone", "parley.db")); len(got) != 1 || got[0] != path {
		t.Errorf("FindRescues = %v", got)
	}
	r, err := ReadRescue(path)
	if err != nil || len(r.Changes) != 2 {
		t.Fatalf("ReadRescue = %+v, %v", r, err)
	}
	r.Changes[1].Record = []byte(`{"name":"Bo Chen","stage":"to contact"}`)
	n, left := s.Restore(r.Changes)
	if n != 1 || len(left) != 1 || !strings.Contains(left[0].Error, "changed") && !strings.Contains(left[0].Error, "conflict") {
		t.Errorf("restored %d, left %+v", n, left)
	}
	got, _ := s.Interview(iv.ID)
	if len(got.Notes) != 1 || got.Notes[0].Text != "newer notes" {
		t.Errorf("a conflicting rescue overwrote newer notes: %+v", got.Notes)
	}
}
