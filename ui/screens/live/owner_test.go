package live

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/ui/app"
	"parley/ui/common"
	"parley/ui/screens/contactpage"
	"parley/ui/screens/contacts"
	"parley/ui/uitest"
)

// liveScreens counts the interview screens on the stack.
func liveScreens(a app.App) int {
	n := 0
	for _, s := range a.Screens() {
		if _, ok := s.(InterviewScreen); ok {
			n++
		}
	}
	return n
}

// The same contact's page twice on the stack (once from What's next, once
// from the list): starting an interview on the top one opens one live
// screen, not one per page, and the notes typed there are kept.
func TestSameContactTwiceOpensOneLiveScreen(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	d.Send(common.PushMsg{S: contactpage.NewContactPage(c, ana)}) // from What's next
	d.Send(common.PushMsg{S: contacts.NewContactList(c)})
	d.Send(common.PushMsg{S: contactpage.NewContactPage(c, ana)}) // the same contact, from the list
	d.Send(uitest.KeyRunes("s"))                                  // start an interview
	if n := liveScreens(d.App); n != 1 {
		t.Fatalf("%d live screens for one interview", n)
	}
	d.TypeText("kept notes")
	d.Send(uitest.KeyType(tea.KeyEsc))
	d.Send(uitest.KeyType(tea.KeyEsc)) // leave: the last save is made now
	if n := liveScreens(d.App); n != 0 {
		t.Fatalf("%d live screens after leaving", n)
	}
	if got := uitest.NoteTexts(uitest.MustInterviews(t, s)[0]); got != "kept notes" {
		t.Errorf("notes = %q", got)
	}
}

// Opening an interview that already has a live screen brings that screen
// forward instead of making a second owner of it.
func TestOpeningAnOpenInterviewBringsItForward(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	live := liveOf(d)
	d.TypeText("typed before")
	d.Send(common.PushMsg{S: contactpage.NewContactPage(live.c, live.contact)})
	d.Send(common.OpenInterviewMsg{Contact: live.contact, Interview: live.Interview})
	if n := liveScreens(d.App); n != 1 {
		t.Fatalf("%d live screens for one interview", n)
	}
	if got := liveOf(d); got.owner != live.owner || !strings.Contains(d.View(), "typed before") {
		t.Errorf("not the same screen brought forward:\n%s", d.View())
	}
}

// A save that loses a race with another write is an error the user sees,
// in plain words, and the text stays on the screen; ctrl+s then saves the
// user's version over the other.
func TestStaleWriteIsShownAndTextKept(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	d.FailOnError = false
	d.TypeText("my notes")
	// Someone else writes the interview meanwhile.
	other, err := s.Interview(liveOf(d).Interview.ID)
	if err != nil {
		t.Fatal(err)
	}
	other.Budget = 45 * 60e9
	if _, err := s.PutInterview(other); err != nil {
		t.Fatal(err)
	}
	if d.Fire(IsAutosave) != 1 {
		t.Fatal("no autosave was scheduled")
	}
	v := d.View()
	if !strings.Contains(v, "changed elsewhere") || !strings.Contains(v, "my notes") {
		t.Errorf("conflict not shown, or the text lost:\n%s", v)
	}
	if got := uitest.NoteTexts(uitest.MustInterviews(t, s)[0]); got != "" {
		t.Errorf("the stale save went through: notes = %q", got)
	}
	d.TypeText(" and more")
	if d.Fire(IsAutosave) != 0 {
		t.Error("kept saving over the other write without asking")
	}
	d.Send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if got := uitest.NoteTexts(uitest.MustInterviews(t, s)[0]); got != "my notes and more" {
		t.Errorf("after ctrl+s, notes = %q", got)
	}
	if liveOf(d).Unsaved() {
		t.Error("still unsaved after ctrl+s")
	}
}

// A conflict still open when the program stops does not lose the text: the
// exit flush writes the version on the screen and says what it did.
func TestStaleWriteAtExitKeepsText(t *testing.T) {
	d, s, _ := liveInterview(t, 80, 24)
	d.FailOnError = false
	d.TypeText("my notes")
	other, _ := s.Interview(liveOf(d).Interview.ID)
	if _, err := s.PutInterview(other); err != nil {
		t.Fatal(err)
	}
	d.Fire(IsAutosave)
	d.Send(uitest.KeyType(tea.KeyCtrlC))
	err := d.App.Flush(s)
	if err == nil || !strings.Contains(err.Error(), "changed elsewhere") {
		t.Errorf("Flush = %v, want the overwrite reported", err)
	}
	if got := uitest.NoteTexts(uitest.MustInterviews(t, s)[0]); got != "my notes" {
		t.Errorf("notes after exit = %q", got)
	}
}

// One contact edit reads the shared summary once, for every screen that
// shows it, and the contact's page once: not one full read per screen.
func TestOneEditReadsTheNotebookOnce(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	d.Send(common.PushMsg{S: contacts.NewContactList(c)})
	d.Send(common.PushMsg{S: contactpage.NewContactPage(c, ana)})
	d.Send(uitest.KeyRunes("e"))
	d.TypeText(" Ortiz")
	d.Seen = nil
	d.Send(tea.KeyMsg{Type: tea.KeyCtrlS})
	summaries, pages := 0, 0
	for _, m := range d.Seen {
		switch m.(type) {
		case app.SummaryLoadedMsg:
			summaries++
		case contactpage.ContactPageLoadedMsg:
			pages++
		}
	}
	if summaries != 1 || pages != 1 {
		t.Errorf("one edit read the summary %d times and the page %d times, want 1 and 1", summaries, pages)
	}
	if !strings.Contains(d.View(), "Ana Ruiz Ortiz") {
		t.Errorf("the page does not show the edit:\n%s", d.View())
	}
}
