package app

import (
	"runtime"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/ui/common"
)

func stubApp() App {
	styles := common.NewStyles(true)
	c := &common.Common{Styles: &styles, Now: time.Now, Getenv: func(string) string { return "" },
		Hours: &common.Hours{}, After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
	home := func(_ *common.Common, msg tea.Msg) (common.Screen, bool) {
		_, ok := msg.(common.OpenHomeMsg)
		return stub{name: "home"}, ok
	}
	return NewApp(c, []common.Opener{home})
}

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Moving between screens keeps nothing of the screens closed: opening and
// closing one screen 20,000 times leaves the live heap where it was. (The
// root once kept, for every screen ever opened, which screen opened it:
// about 30 bytes a screen, for the life of the program.)
func TestClosedScreensLeaveNothingBehind(t *testing.T) {
	var m tea.Model = stubApp()
	cycle := func(n int) {
		for range n {
			m, _ = m.Update(common.PushMsg{S: stub{name: "page"}})
			m, _ = m.Update(common.PopMsg{})
		}
	}
	cycle(1000) // what the first screens allocate once
	before := liveHeap()
	cycle(20000)
	after := liveHeap()
	if got := len(m.(App).Stack); got != 1 {
		t.Fatalf("%d screens open after the cycles, want 1", got)
	}
	const bound = 64 << 10
	if after > before+bound {
		t.Errorf("20,000 screens opened and closed left %d bytes live (%d before, %d after), want at most %d",
			after-before, before, after, bound)
	}
	t.Logf("live heap %d bytes before, %d after", before, after)
	runtime.KeepAlive(m)
}

// recorder is a stub screen that notes what it is sent and, asked, returns
// a command whose result comes back later.
type recorder struct {
	stub
	got *[]string
}

type askMsg struct{}
type answerMsg struct{}

func (r recorder) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg.(type) {
	case askMsg:
		return r, func() tea.Msg { return answerMsg{} }
	case answerMsg:
		*r.got = append(*r.got, r.name)
	}
	return r, nil
}

// A result that comes after its screen closed goes to the nearest screen
// still open of those that opened it, however many of them closed too,
// and a screen opened by a closed one's result falls back the same way.
func TestLateResultsGoToTheNearestOpenOpener(t *testing.T) {
	var got []string
	var m tea.Model = stubApp()
	for _, name := range []string{"page", "form", "dialog"} {
		m, _ = m.Update(common.PushMsg{S: recorder{stub{name: name}, &got}})
	}
	_, ask := m.Update(askMsg{}) // to the dialog, on top
	late := ask()
	m, _ = m.Update(common.PopMsg{}) // the dialog
	m, _ = m.Update(common.PopMsg{}) // the form
	m, _ = m.Update(late)
	if len(got) != 1 || got[0] != "page" {
		t.Fatalf("the closed dialog's answer reached %v, want the page", got)
	}

	// The form again, and above it a screen opened by the dialog's result
	// after the dialog closed.
	m, _ = m.Update(common.PushMsg{S: recorder{stub{name: "form"}, &got}})
	m, _ = m.Update(common.PushMsg{S: recorder{stub{name: "dialog"}, &got}})
	_, open := m.Update(askMsg{})
	opened := open().(RoutedMsg).Readdressed(common.PushMsg{S: recorder{stub{name: "summary"}, &got}})
	m, _ = m.Update(common.PopMsg{}) // the dialog
	m, _ = m.Update(opened)
	var stack []string
	for _, s := range m.(App).Screens() {
		stack = append(stack, s.View())
	}
	if len(stack) != 4 || stack[3] != "summary" {
		t.Fatalf("stack %v, want the summary above the form", stack)
	}
	_, ask = m.Update(askMsg{})
	late = ask()
	m, _ = m.Update(common.PopMsg{}) // the summary
	m, _ = m.Update(common.PopMsg{}) // the form
	got = nil
	m, _ = m.Update(late)
	if len(got) != 1 || got[0] != "page" {
		t.Errorf("the answer of a screen opened by a closed one reached %v, want the page", got)
	}
}
