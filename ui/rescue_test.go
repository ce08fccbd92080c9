package ui

import (
	"errors"
	"os"
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// Quitting when the notebook cannot be written keeps the typed notes in a
// rescue file beside it (0600); the next open offers them back, and y puts
// them in the notebook through the usual writers.
func TestNotesTheNotebookCannotTakeAreRescuedAndBroughtBack(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	contact, iv := anaWithInterview(t, s)
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(common.OpenInterviewMsg{Contact: contact, Interview: iv})
	d.TypeText("She started in the archive")
	path := s.Path()
	if err := s.Close(); err != nil { // the disk is gone
		t.Fatal(err)
	}
	d.Send(uitest.KeyType(tea.KeyCtrlC))
	if !d.Quit {
		t.Fatal("ctrl+c did not quit")
	}
	s.ForgetFailedWrites()
	flushErr := d.App.Flush(s)
	if flushErr == nil {
		t.Fatal("a flush to a closed notebook succeeded")
	}
	err := writeRescue(s, flushErr)
	files := store.FindRescues(path)
	if len(files) != 1 || !strings.Contains(err.Error(), files[0]) {
		t.Fatalf("rescue files %v; error %v", files, err)
	}
	info, statErr := os.Stat(files[0])
	if statErr != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("rescue file: %v, %v", info, statErr)
	}
	data, _ := os.ReadFile(files[0])
	if !strings.Contains(string(data), `"format": "parley-rescue"`) || !strings.Contains(string(data), "She started in the archive") {
		t.Fatalf("rescue file holds:\n%s", data)
	}

	// The next open.
	s2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	c2, _, _ := uitest.NewTestCommon(t)
	c2.Store, c2.Rescues = s2, store.FindRescues(path)
	d2 := uitest.NewDriver(t, c2, 80, 24)
	if v := d2.View(); !strings.Contains(v, "Changes not saved last time") || !strings.Contains(v, "interview 1 with 1 note") {
		t.Fatalf("no offer of the rescue file:\n%s", v)
	}
	d2.Send(uitest.KeyRunes("y"))
	got, err := s2.Interview(iv.ID)
	if err != nil || len(got.Notes) != 1 || got.Notes[0].Text != "She started in the archive" {
		t.Fatalf("notes after restoring = %+v, %v", got.Notes, err)
	}
	if left := store.FindRescues(path); len(left) != 0 {
		t.Errorf("the rescue file stays after everything came back: %v", left)
	}
	if v := d2.View(); !strings.Contains(v, "Brought back 1 change") {
		t.Errorf("no word of the restore:\n%s", v)
	}
}

// n keeps the file; d deletes it after asking.
func TestRescueFileKeptOrDeleted(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	path, err := store.WriteRescue(s.Path(), []store.RescuedChange{{Kind: store.RescueProfile, Record: []byte(`{"name":"Sam"}`)}}, uitest.TestStart)
	if err != nil {
		t.Fatal(err)
	}
	c.Rescues = []string{path}
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(uitest.KeyRunes("n"))
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("n lost the file: %v", err)
	}
	c.Rescues = []string{path}
	d = uitest.NewDriver(t, c, 80, 24)
	d.Send(uitest.KeyRunes("d"))
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("d deleted without asking: %v", err)
	}
	d.Send(uitest.KeyRunes("y"))
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the file is still there after d, y: %v", err)
	}
	if p, _ := s.Profile(); p.Name == "Sam" {
		t.Error("deleting the file restored it")
	}
}

// A save that failed leaves its error in the footer until the same kind
// of save goes through.
func TestSaveErrorLeavesTheFooterWhenASaveRecovers(t *testing.T) {
	c, _, _ := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(common.ContactSavedMsg{Err: errors.New("the disk is full")})
	if v := d.View(); !strings.Contains(v, "the disk is full") {
		t.Fatalf("no error in the footer:\n%s", v)
	}
	d.Send(common.ContactsLoadedMsg{})
	if v := d.View(); !strings.Contains(v, "the disk is full") {
		t.Fatalf("a read cleared a write's error:\n%s", v)
	}
	d.Send(common.ContactSavedMsg{Contact: model.Contact{ID: 1, Name: "Ana"}})
	if v := d.View(); strings.Contains(v, "the disk is full") {
		t.Errorf("the error stays after a save went through:\n%s", v)
	}
}

// anaWithInterview puts a contact with one planned interview in s.
func anaWithInterview(t *testing.T, s *store.Store) (model.Contact, model.Interview) {
	t.Helper()
	contact, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	iv, err := s.PutInterview(model.NewInterview(contact.ID, []string{"How did you start?"}, uitest.TestStart))
	if err != nil {
		t.Fatal(err)
	}
	return contact, iv
}
