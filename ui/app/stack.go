package app

import (
	tea "github.com/charmbracelet/bubbletea"

	"parley/ui/common"
)

// The screen stack: building, opening, bringing forward and closing
// screens, and finding them by address or by the interview they own.

// build makes the screen a navigation message names.
func (a App) build(msg tea.Msg) (common.Screen, bool) {
	for _, open := range a.openers {
		if s, ok := open(a.c, msg); ok {
			return s, true
		}
	}
	return nil, false
}

// push opens s above the others; opener is the screen that asked.
func (a App) push(opener address, s common.Screen) (App, tea.Cmd) {
	a.lastID++
	id := a.lastID
	a.Stack = append(a.Stack, entry{id: id, S: s, openers: a.stillOpen(opener)})
	a.leaveStatusBehind()
	a.resize()
	load := s.Load()
	if s.Watches()[common.ShownSummary] && a.summaryLoaded {
		// It shows the summary the root already holds; it gets a fresh
		// one with the next change.
		var c tea.Cmd
		top := &a.Stack[len(a.Stack)-1].S
		*top, c = (*top).Update(common.NotebookLoadedMsg{Notebook: a.summary})
		load = tea.Batch(load, c)
	}
	return a, addressedTo(a.Stack[len(a.Stack)-1].address(), load)
}

// bringForward moves the screen at i to the top: a record has one live
// screen, and opening it again shows that one.
func (a App) bringForward(i int) App {
	e := a.Stack[i]
	a.Stack = append(append(a.Stack[:i:i], a.Stack[i+1:]...), e)
	a.leaveStatusBehind()
	a.resize()
	return a
}

// pop closes the screen at id (the top one if the root asked). A screen closing
// with changes not yet written writes them now: its autosave timer would
// find it gone. The screens below hear of the write when it lands.
func (a App) pop(id address) (App, tea.Cmd) {
	// A pop from a screen that has closed already (a dialog whose answer
	// is "leave") closes the screen that opened it, as any of its results
	// would go there — and only while that screen is on top: a screen
	// opened since belongs to someone else.
	i := a.Find(id.to)
	if i < 0 {
		if i = a.Find(a.alive(id)); i != len(a.Stack)-1 {
			return a, nil
		}
	}
	if i <= 0 {
		return a, nil
	}
	closed := a.Stack[i]
	a.Stack = append(a.Stack[:i:i], a.Stack[i+1:]...)
	if i == len(a.Stack) {
		a.leaveStatusBehind()
	}
	a.resize()
	cmds := []tea.Cmd{addressedTo(closed.address(), closed.S.SaveNow())}
	if i == len(a.Stack) && a.Top().Watches()[common.ShownSummary] {
		// Back on a summary: the clock has moved on since it was read.
		cmds = append(cmds, a.retimeSummary())
	}
	return a, tea.Batch(cmds...)
}

// Find is the stack index of screen id, or -1.
func (a App) Find(id screenID) int {
	for i, e := range a.Stack {
		if e.id == id {
			return i
		}
	}
	return -1
}

// alive is the screen of to still open, itself or the nearest of its
// openers; rootID when none is.
func (a App) alive(to address) screenID {
	if to.to == rootID || a.Find(to.to) >= 0 {
		return to.to
	}
	for _, id := range to.openers {
		if a.Find(id) >= 0 {
			return id
		}
	}
	return rootID
}

// stillOpen is the openers of a screen that opener opens: opener and its
// own openers, nearest first, without those closed already, since a
// closed screen never opens again. So the list is never longer than the
// stack, however many screens have come and gone.
func (a App) stillOpen(opener address) []screenID {
	var out []screenID
	for _, id := range append([]screenID{opener.to}, opener.openers...) {
		if id != rootID && a.Find(id) >= 0 {
			out = append(out, id)
		}
	}
	return out
}

// quitWarning is what the first screen with something to say before
// quitting says, or "".
func (a App) quitWarning() string {
	for i := len(a.Stack) - 1; i >= 0; i-- {
		if w, ok := a.Stack[i].S.(common.QuitWarner); ok {
			if text := w.QuitWarning(); text != "" {
				return text
			}
		}
	}
	return ""
}

// ownerOf is the stack index of the live screen of interview id, or -1.
func (a App) ownerOf(id uint64) int {
	for i, e := range a.Stack {
		if o, ok := e.S.(common.InterviewOwner); ok && o.OwnsInterview() == id {
			return i
		}
	}
	return -1
}
