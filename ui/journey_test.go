package ui

import (
	"os"
	"parley/ui/screens/live"
	"parley/ui/uitest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// The foundation's one path: add a contact, run a timed interview with the
// checklist and notes, quit, come back, find everything there.
func TestJourneyAddInterviewQuitReopen(t *testing.T) {
	c, s, clk := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	if !strings.Contains(d.View(), "Welcome to Parley") {
		t.Fatalf("empty notebook view:\n%s", d.View())
	}
	d.Send(uitest.KeyRunes("c"))
	d.Send(uitest.KeyRunes("n"))
	d.TypeText("Ana Ruiz")
	d.Send(uitest.KeyType(tea.KeyTab))
	d.TypeText("Policy analyst")
	d.Send(uitest.KeyType(tea.KeyCtrlS))
	if v := d.View(); !strings.Contains(v, "Ana Ruiz") {
		t.Fatalf("contact not listed:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyEnter)) // open
	d.Send(uitest.KeyRunes("s"))         // start an interview
	if v := d.View(); !strings.Contains(v, "20:00 budget") || !strings.Contains(v, "Next ▸") {
		t.Fatalf("live screen:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyCtrlT)) // start the clock
	clk.Advance(62 * time.Second)
	d.TypeText("Started in teaching")
	d.Send(uitest.KeyType(tea.KeyCtrlD)) // tick the current question
	clk.Advance(3 * time.Minute)
	d.Send(uitest.KeyType(tea.KeyEnter))
	d.TypeText("Moved to policy")
	v := d.View()
	for _, want := range []string{"15:58 left", "04:02 of 20:00", "1/", "✓ 01:02", "01:02  Started in teaching", "04:02  Moved to policy"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if !strings.Contains(v, "saving…") {
		t.Errorf("unsaved changes not shown:\n%s", v)
	}
	// The autosave timer comes due: everything so far is written.
	if d.Fire(live.IsAutosave) != 1 {
		t.Fatal("no autosave was scheduled")
	}
	if v := d.View(); !strings.Contains(v, "saved") || strings.Contains(v, "saving…") {
		t.Errorf("not saved after the autosave:\n%s", v)
	}
	ivs := uitest.MustInterviews(t, s)
	if got := uitest.NoteTexts(ivs[0]); got != "Started in teaching|Moved to policy" {
		t.Errorf("autosaved notes = %q", got)
	}
	// More typing, then ctrl+c before the next autosave: the flush on exit
	// writes it.
	d.TypeText(" in 2019")
	d.Send(uitest.KeyType(tea.KeyCtrlC)) // the clock is running: a warning first
	if v := d.View(); d.Quit || !strings.Contains(v, "keeps counting while Parley is closed") {
		t.Errorf("quit with the clock running and no warning:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyCtrlC))
	if !d.Quit {
		t.Fatal("ctrl+c did not quit")
	}
	if err := d.App.Flush(s); err != nil {
		t.Fatal(err)
	}
	ivs = uitest.MustInterviews(t, s)
	if got := uitest.NoteTexts(ivs[0]); got != "Started in teaching|Moved to policy in 2019" {
		t.Errorf("notes after quit = %q", got)
	}

	// Come back four minutes later: the clock has kept running on the wall
	// clock, the tick and the notes are there.
	clk.Advance(4 * time.Minute)
	d2 := uitest.NewDriver(t, c, 80, 24)
	d2.Send(uitest.KeyRunes("c"))
	d2.Send(uitest.KeyType(tea.KeyEnter))
	d2.Send(uitest.KeyType(tea.KeyEnter))
	v = d2.View()
	for _, want := range []string{"11:58 left", "08:02 of 20:00", "✓ 01:02", "Moved to policy in 2019"} {
		if !strings.Contains(v, want) {
			t.Errorf("reopened view lacks %q:\n%s", want, v)
		}
	}
}

func TestDeleteContactAsksFirst(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	if _, err := s.PutContact(model.Contact{Name: "Bo Chen"}); err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(uitest.KeyRunes("c"))
	d.Send(uitest.KeyRunes("d"))
	if v := d.View(); !strings.Contains(v, "Delete Bo Chen?") {
		t.Fatalf("no confirmation:\n%s", v)
	}
	d.Send(uitest.KeyRunes("n"))
	if cs, _ := s.Contacts(); len(cs) != 1 {
		t.Fatal("deleted without a yes")
	}
	d.Send(uitest.KeyRunes("d"))
	d.Send(uitest.KeyRunes("y"))
	if v := d.View(); !strings.Contains(v, "Contacts · 0") {
		t.Errorf("list still shows the deleted contact:\n%s", v)
	}
	// Undo is possible until the user leaves the list; then it is gone.
	d.Send(uitest.KeyType(tea.KeyEsc))
	if cs, _ := s.Contacts(); len(cs) != 0 {
		t.Fatal("not deleted after yes and leaving the list")
	}
}

func TestContactFormNeedsName(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(uitest.KeyRunes("n"))
	d.Send(uitest.KeyType(tea.KeyTab))
	d.TypeText("Analyst")
	d.Send(uitest.KeyType(tea.KeyCtrlS))
	if v := d.View(); !strings.Contains(v, "A contact needs a name.") {
		t.Errorf("no inline error:\n%s", v)
	}
	if cs, _ := s.Contacts(); len(cs) != 0 {
		t.Errorf("saved without a name: %v", cs)
	}
	// esc on a changed form asks first.
	d.Send(uitest.KeyType(tea.KeyEsc))
	if v := d.View(); !strings.Contains(v, "Throw away your changes?") {
		t.Errorf("esc did not ask:\n%s", v)
	}
}

// A store that fails must show the failure in plain words, not lose it.
func TestSaveFailureIsShown(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	s.Close() // every write now fails
	d.Send(uitest.KeyRunes("n"))
	d.TypeText("Ana")
	d.Send(uitest.KeyType(tea.KeyCtrlS))
	if v := d.View(); !strings.Contains(v, "! Could not save or read the notebook") {
		t.Errorf("failure not shown:\n%s", v)
	}
}

func TestFoldersAndFilesArePrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep", "parley.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %o", info.Mode().Perm())
	}
}
