package app

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/ui/common"
)

type testTick struct{}

func (testTick) ClockTick() {}

// clockScreen counts its ticks on screen; p pauses it, which its help says.
type clockScreen struct {
	common.NothingToSave
	ticks   int
	paused  bool
	updates *int
}

func (s clockScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	*s.updates++
	switch msg := msg.(type) {
	case testTick:
		s.ticks++
	case tea.KeyMsg:
		if msg.String() == "p" {
			s.paused = !s.paused
		}
	}
	return s, nil
}
func (s clockScreen) View() string { return "ticks " + strings.Repeat("|", s.ticks) }
func (s clockScreen) Help() help.KeyMap {
	desc := "pause"
	if s.paused {
		desc = "resume"
	}
	return common.KeyMap{Short: []key.Binding{key.NewBinding(key.WithKeys("p"), key.WithHelp("p", desc))}}
}
func (s clockScreen) SetSize(int, int) common.Screen { return s }
func (s clockScreen) Capturing() bool                { return false }
func (s clockScreen) Load() tea.Cmd                  { return nil }
func (s clockScreen) Watches() common.Watcher        { return nil }

// A clock tick redraws its screen and keeps the status and help lines;
// anything else that changes them still shows, tick or no tick; a tick
// for a screen that has closed goes to no one.
func TestClockTicksKeepTheFooterUntilItChanges(t *testing.T) {
	styles := common.NewStyles(true)
	c := &common.Common{Styles: &styles, Now: time.Now, Getenv: func(string) string { return "" },
		Hours: &common.Hours{}, After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
	homeUpdates, clockUpdates := 0, 0
	first := func(*common.Common, tea.Msg) (common.Screen, bool) { return clockScreen{updates: &homeUpdates}, true }
	a := NewApp(c, []common.Opener{first})
	a, _ = a.push(a.Stack[0].address(), clockScreen{updates: &clockUpdates})
	clock := a.Stack[1].id
	send := func(msg tea.Msg) {
		t.Helper()
		m, _ := a.Update(msg)
		a = m.(App)
	}
	send(tea.WindowSizeMsg{Width: 60, Height: 8})
	expect := func(step string, want ...string) {
		t.Helper()
		v := a.View()
		for _, w := range want {
			if !strings.Contains(v, w) {
				t.Fatalf("after %s, %q is missing:\n%s", step, w, v)
			}
		}
	}
	expect("opening", "ticks \n", "p pause")
	send(RoutedMsg{To: clock, Msg: testTick{}})
	expect("a tick", "ticks |", "p pause")
	send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")})
	expect("pausing", "p resume")
	send(RoutedMsg{To: clock, Msg: testTick{}})
	expect("a tick while paused", "ticks ||", "p resume")
	send(RoutedMsg{To: clock, Msg: common.StatusMsg{Text: "Saved a copy"}})
	send(RoutedMsg{To: clock, Msg: testTick{}})
	expect("a status, then a tick", "ticks |||", "Saved a copy", "p resume")

	send(RoutedMsg{To: clock, Msg: common.PopMsg{}})
	before := homeUpdates
	send(RoutedMsg{To: clock, Msg: testTick{}})
	if homeUpdates != before {
		t.Error("a closed screen's tick was given to the screen below")
	}
	expect("a closed screen's tick", "ticks \n", "p pause")
}
