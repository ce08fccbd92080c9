package app

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/ui/common"
	"parley/ui/safetext"
)

// Input: keys go to the top screen once the root has taken its own
// (quit, help, search); the wheel scrolls the top screen.

// HandleKey takes the root's own keys (quit, help, search) and gives
// every other key to the top screen.
func (a App) HandleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	// Typed or pasted text reaches a field without what can never be
	// meant in it (escape sequences, bidi controls, hidden characters):
	// bubbles' fields drop control characters but keep the rest, and the
	// notes pane keeps everything. Once here covers every field.
	if msg.Type == tea.KeyRunes {
		if clean := safetext.Strip(string(msg.Runes)); clean != string(msg.Runes) {
			if clean == "" {
				return a, nil
			}
			msg.Runes = []rune(clean)
		}
	}
	// Keys typed quickly (or sent by a script) can arrive as one message
	// of several runes. Text fields take them whole; anywhere else each is
	// a shortcut of its own, and one may open a field for the rest.
	if msg.Type == tea.KeyRunes && !msg.Paste && len(msg.Runes) > 1 && !a.Top().Capturing() {
		var cmds []tea.Cmd
		for i, r := range msg.Runes {
			if a.Top().Capturing() {
				rest := msg
				rest.Runes = msg.Runes[i:]
				m, cmd := a.HandleKey(rest)
				return m, tea.Batch(append(cmds, cmd)...)
			}
			one := msg
			one.Runes = []rune{r}
			m, cmd := a.HandleKey(one)
			a = m.(App)
			cmds = append(cmds, cmd)
		}
		return a, tea.Batch(cmds...)
	}
	if key.Matches(msg, a.keys.Quit) {
		if w := a.quitWarning(); w != "" && !a.quitWarned {
			a.quitWarned = true
			return a, common.Info("%s ctrl+c again quits.", w)
		}
		return a, tea.Quit
	}
	a.quitWarned = false
	if a.fullHelp && (msg.Type == tea.KeyEsc || key.Matches(msg, a.keys.Help)) {
		a.fullHelp = false
		a.resize()
		return a, nil
	}
	if key.Matches(msg, a.keys.Help) && (!a.Top().Capturing() || msg.Type == tea.KeyF1) {
		a.fullHelp = !a.fullHelp
		a.resize()
		return a, nil
	}
	i := len(a.Stack) - 1
	if _, open := a.Top().(common.SearchScreen); key.Matches(msg, a.keys.Search) && !open {
		return a.deliver(a.Stack[i].address(), common.OpenSearchMsg{})
	}
	var cmd tea.Cmd
	a.Stack[i].S, cmd = a.Stack[i].S.Update(msg)
	return a, addressedTo(a.Stack[i].address(), cmd)
}

// handleWheel scrolls the top screen by the mouse wheel: a screen that
// scrolls itself gets the lines; a list or pane not taking text gets one
// ↑ or ↓ per notch, as a terminal's own wheel-to-arrows mode would send.
// Clicks are ignored.
func (a App) handleWheel(lines int) (tea.Model, tea.Cmd) {
	if lines == 0 || a.fullHelp {
		return a, nil
	}
	i := len(a.Stack) - 1
	if s, ok := a.Stack[i].S.(common.WheelScroller); ok {
		a.Stack[i].S = s.WheelScroll(lines)
		return a, nil
	}
	if a.Top().Capturing() {
		return a, nil
	}
	arrow := tea.KeyMsg{Type: tea.KeyDown}
	if lines < 0 {
		arrow.Type = tea.KeyUp
	}
	return a.HandleKey(arrow)
}
