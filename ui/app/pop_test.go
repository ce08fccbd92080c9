package app

import (
	"errors"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/ui/common"
)

// stub is a screen that only has a name.
type stub struct {
	common.NothingToSave
	name string
}

func (s stub) Update(tea.Msg) (common.Screen, tea.Cmd) { return s, nil }
func (s stub) View() string                            { return s.name }
func (s stub) SetSize(int, int) common.Screen          { return s }
func (s stub) Help() help.KeyMap                       { return common.KeyMap{} }
func (s stub) Capturing() bool                         { return false }
func (s stub) Load() tea.Cmd                           { return nil }
func (s stub) Watches() common.Watcher                 { return nil }

func names(a App) []string {
	var out []string
	for _, e := range a.Stack {
		out = append(out, e.S.(stub).name)
	}
	return out
}

// A pop from a screen already closed closes the screen that opened it
// only while that screen is on top (a dialog's "leave"); a screen opened
// since is someone else's and stays.
func TestPopFromAClosedScreen(t *testing.T) {
	styles := common.NewStyles(true)
	c := &common.Common{Styles: &styles, Now: time.Now, Getenv: func(string) string { return "" },
		Hours: &common.Hours{}, After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
	first := func(*common.Common, tea.Msg) (common.Screen, bool) { return stub{name: "home"}, true }
	a := NewApp(c, []common.Opener{first})
	a, _ = a.push(a.Stack[0].address(), stub{name: "page"})
	page := a.Stack[1].address()
	a, _ = a.push(page, stub{name: "dialog"})
	dialog := a.Stack[2].address()
	a, _ = a.pop(dialog)
	a, _ = a.pop(dialog) // the dialog's answer: leave the page
	if got := names(a); len(got) != 1 {
		t.Fatalf("after the dialog's leave: %v, want only home", got)
	}

	a, _ = a.push(a.Stack[0].address(), stub{name: "page"})
	page = a.Stack[1].address()
	a, _ = a.push(page, stub{name: "form"})
	form := a.Stack[2].address()
	a, _ = a.pop(form)
	a, _ = a.push(page, stub{name: "other"})
	a, _ = a.pop(form) // late: the form closed before its own pop came
	if got := names(a); len(got) != 3 || got[2] != "other" {
		t.Errorf("a late pop closed someone else's screen: %v", got)
	}
}

// counting is a stub that counts how often it is drawn.
type counting struct {
	stub
	views *int
}

func (s counting) View() string                   { *s.views++; return s.name }
func (s counting) SetSize(int, int) common.Screen { return s }

// The spool check that finds nothing costs no redraw; anything else does.
func TestQuietSpoolChecksDrawNothing(t *testing.T) {
	styles := common.NewStyles(true)
	c := &common.Common{Styles: &styles, Now: time.Now, Getenv: func(string) string { return "" },
		Hours: &common.Hours{}, After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
	views := 0
	first := func(*common.Common, tea.Msg) (common.Screen, bool) { return counting{stub{name: "home"}, &views}, true }
	var m tea.Model = NewApp(c, []common.Opener{first})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	before := m.View()
	for range 3 {
		m, _ = m.Update(RoutedMsg{To: rootID, Msg: spoolTickMsg{}})
		m, _ = m.Update(RoutedMsg{To: rootID, Msg: spoolDrainedMsg{}})
		if got := m.View(); got != before {
			t.Fatalf("a quiet check changed the screen:\n%s", got)
		}
	}
	if views != 1 {
		t.Errorf("the screen was drawn %d times for quiet checks, want once", views)
	}
	m, _ = m.Update(statusExpiredMsg{})
	m.View()
	if views != 2 {
		t.Errorf("another message did not redraw (%d draws)", views)
	}
}

// Saves kept after their screens closed are retried on one timer: failing
// again does not add a timer per save, which would double the retries each
// round while the disk stays full.
func TestKeptSavesShareOneRetry(t *testing.T) {
	styles := common.NewStyles(true)
	timers := 0
	c := &common.Common{Styles: &styles, Now: time.Now, Getenv: func(string) string { return "" },
		Hours: &common.Hours{}, Interviews: &common.InterviewWriter{}, After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
			timers++
			return func() tea.Msg { return nil }
		}}
	first := func(*common.Common, tea.Msg) (common.Screen, bool) { return stub{name: "home"}, true }
	a := NewApp(c, []common.Opener{first})
	full := errors.New("no space left on device")
	for round := range 3 {
		for id := uint64(1); id <= 2; id++ {
			save := common.InterviewSave{Interview: model.Interview{ID: id, ContactID: 1}, Seq: uint64(round)}
			a.keepFailedSave(common.InterviewSavedMsg{Save: save, Err: full})
		}
		if timers != round+1 {
			t.Fatalf("round %d: %d retry timers set, want %d", round, timers, round+1)
		}
		m, _ := a.Update(RoutedMsg{To: rootID, Msg: orphanRetryMsg{}})
		a = m.(App)
		if a.Crashed() != nil {
			t.Fatalf("crashed: %v", a.Crashed())
		}
	}
}
