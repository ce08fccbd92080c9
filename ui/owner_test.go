package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// liveScreens counts the interview screens on the stack.
func liveScreens(a App) int {
	n := 0
	for _, s := range a.screens() {
		if _, ok := s.(interviewScreen); ok {
			n++
		}
	}
	return n
}

// The same contact's page twice on the stack (once from What's next, once
// from the list): starting an interview on the top one opens one live
// screen, not one per page, and the notes typed there are kept.
func TestSameContactTwiceOpensOneLiveScreen(t *testing.T) {
	c, s, _ := newTestCommon(t)
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, c, 80, 24)
	d.failOnError = true
	d.send(pushMsg{newContactPage(c, ana)}) // from What's next
	d.send(pushMsg{newContactList(c)})
	d.send(pushMsg{newContactPage(c, ana)}) // the same contact, from the list
	d.send(keyRunes("s"))                   // start an interview
	if n := liveScreens(d.app); n != 1 {
		t.Fatalf("%d live screens for one interview", n)
	}
	d.typeText("kept notes")
	d.send(keyType(tea.KeyEsc))
	d.send(keyType(tea.KeyEsc)) // leave: the last save is made now
	if n := liveScreens(d.app); n != 0 {
		t.Fatalf("%d live screens after leaving", n)
	}
	if got := noteTexts(mustInterviews(t, s)[0]); got != "kept notes" {
		t.Errorf("notes = %q", got)
	}
}

// Opening an interview that already has a live screen brings that screen
// forward instead of making a second owner of it.
func TestOpeningAnOpenInterviewBringsItForward(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	live := d.interview()
	d.typeText("typed before")
	d.send(pushMsg{newContactPage(live.c, live.contact)})
	d.send(openInterviewMsg{live.contact, live.iv})
	if n := liveScreens(d.app); n != 1 {
		t.Fatalf("%d live screens for one interview", n)
	}
	if got := d.interview(); got.owner != live.owner || !strings.Contains(d.view(), "typed before") {
		t.Errorf("not the same screen brought forward:\n%s", d.view())
	}
}

// A save that loses a race with another write is an error the user sees,
// in plain words, and the text stays on the screen; ctrl+s then saves the
// user's version over the other.
func TestStaleWriteIsShownAndTextKept(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	d.failOnError = false
	d.typeText("my notes")
	// Someone else writes the interview meanwhile.
	other, err := s.Interview(d.interview().iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	other.Budget = 45 * 60e9
	if _, err := s.PutInterview(other); err != nil {
		t.Fatal(err)
	}
	if d.fire(isAutosave) != 1 {
		t.Fatal("no autosave was scheduled")
	}
	v := d.view()
	if !strings.Contains(v, "changed elsewhere") || !strings.Contains(v, "my notes") {
		t.Errorf("conflict not shown, or the text lost:\n%s", v)
	}
	if got := noteTexts(mustInterviews(t, s)[0]); got != "" {
		t.Errorf("the stale save went through: notes = %q", got)
	}
	d.typeText(" and more")
	if d.fire(isAutosave) != 0 {
		t.Error("kept saving over the other write without asking")
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if got := noteTexts(mustInterviews(t, s)[0]); got != "my notes and more" {
		t.Errorf("after ctrl+s, notes = %q", got)
	}
	if d.interview().unsaved() {
		t.Error("still unsaved after ctrl+s")
	}
}

// A conflict still open when the program stops does not lose the text: the
// exit flush writes the version on the screen and says what it did.
func TestStaleWriteAtExitKeepsText(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	d.failOnError = false
	d.typeText("my notes")
	other, _ := s.Interview(d.interview().iv.ID)
	if _, err := s.PutInterview(other); err != nil {
		t.Fatal(err)
	}
	d.fire(isAutosave)
	d.send(keyType(tea.KeyCtrlC))
	err := d.app.Flush(s)
	if err == nil || !strings.Contains(err.Error(), "changed elsewhere") {
		t.Errorf("Flush = %v, want the overwrite reported", err)
	}
	if got := noteTexts(mustInterviews(t, s)[0]); got != "my notes" {
		t.Errorf("notes after exit = %q", got)
	}
}

// One contact edit reads the shared summary once, for every screen that
// shows it, and the contact's page once: not one full read per screen.
func TestOneEditReadsTheNotebookOnce(t *testing.T) {
	c, s, _ := newTestCommon(t)
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, c, 80, 24)
	d.failOnError = true
	d.send(pushMsg{newContactList(c)})
	d.send(pushMsg{newContactPage(c, ana)})
	d.send(keyRunes("e"))
	d.typeText(" Ortiz")
	d.seen = nil
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	summaries, pages := 0, 0
	for _, m := range d.seen {
		switch m.(type) {
		case summaryLoadedMsg:
			summaries++
		case contactPageLoadedMsg:
			pages++
		}
	}
	if summaries != 1 || pages != 1 {
		t.Errorf("one edit read the summary %d times and the page %d times, want 1 and 1", summaries, pages)
	}
	if !strings.Contains(d.view(), "Ana Ruiz Ortiz") {
		t.Errorf("the page does not show the edit:\n%s", d.view())
	}
}
