package live

import (
	"parley/model"
	"parley/ui/common"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// interviewKeys is the live screen's key map. Chords (ctrl+…) work from
// every pane, since the notes take plain keys as text.
type interviewKeys struct {
	// Chords: they work from every pane, typing included.
	StartPause key.Binding
	End        key.Binding
	TickNext   key.Binding
	Editor     key.Binding
	KeepMine   key.Binding
	SwitchPane key.Binding
	SwitchBack key.Binding

	StarNote key.Binding

	// Checklist keys.
	Star       key.Binding
	Up, Down   key.Binding
	MoveUp     key.Binding
	MoveDown   key.Binding
	Tick       key.Binding
	Skip       key.Binding
	MustAsk    key.Binding
	Choose     key.Binding
	Add        key.Binding
	Closing    key.Binding
	First      key.Binding
	Last       key.Binding
	Budget     key.Binding
	Back       key.Binding
	NotesBlur  key.Binding
	InputOK    key.Binding
	InputAbort key.Binding
}

func newInterviewKeys() interviewKeys {
	return interviewKeys{
		StartPause: key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "start/pause clock")),
		End:        key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "end interview (or not held)")),
		TickNext:   key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "tick what the top line shows")),
		Editor:     key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "notes in $EDITOR")),
		KeepMine:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save my version")),
		SwitchPane: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "questions/notes")),
		SwitchBack: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous part")),
		StarNote:   key.NewBinding(key.WithKeys("alt+s"), key.WithHelp("alt+s", "star paragraph")),
		Star:       key.NewBinding(key.WithKeys("*"), key.WithHelp("*", "star answer")),

		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		MoveUp:     key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move up")),
		MoveDown:   key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move down")),
		Tick:       key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp("space", "tick/untick")),
		Skip:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		MustAsk:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "must-ask")),
		Choose:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ask next")),
		Add:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add question")),
		Closing:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "to/from closing steps")),
		First:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first question")),
		Last:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last closing step")),
		Budget:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "time budget")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		NotesBlur:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "to questions")),
		InputOK:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		InputAbort: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

func (s InterviewScreen) Help() help.KeyMap {
	km := s.paneHelp()
	if s.conflict {
		// After a lost race, saving waits for the user: say how.
		km.Short = append([]key.Binding{s.keys.KeepMine}, km.Short...)
		km.Full = append([][]key.Binding{{s.keys.KeepMine}}, km.Full...)
	}
	return km
}

func (s InterviewScreen) paneHelp() common.KeyMap {
	k := s.keys
	chords := []key.Binding{k.StartPause, k.TickNext, k.End, k.Editor}
	if s.choosing.purpose != choiceNone {
		c := s.choiceKeys
		b := []key.Binding{c.Left, c.Choose, c.Cancel}
		return common.KeyMap{Short: b, Full: [][]key.Binding{b}}
	}
	if s.inputFor != inputNone {
		return common.KeyMap{Short: []key.Binding{k.InputOK, k.InputAbort}, Full: [][]key.Binding{{k.InputOK, k.InputAbort}}}
	}
	if s.ended() {
		// The clock is done: only what helps write things down is offered.
		k.SwitchPane.SetHelp("tab", "next part")
		k.StartPause.SetEnabled(false)
		k.End.SetEnabled(false)
		chords = []key.Binding{k.TickNext, k.Editor, k.SwitchPane, k.SwitchBack}
	}
	if s.focus == paneWrapUp {
		if s.wrap.adding {
			b := s.wrap.Bindings() // enter adds, esc cancels: nothing else
			return common.KeyMap{Short: b, Full: [][]key.Binding{b}}
		}
		short := append(s.wrap.Bindings(), k.SwitchPane, k.Back)
		return common.KeyMap{Short: short, Full: [][]key.Binding{short, chords}}
	}
	// The footer's first places go to the keys that matter in the moment,
	// in words short enough to fit 80 columns; ? lists them in full.
	tick, end, pause := k.TickNext, k.End, k.StartPause
	tick.SetHelp("ctrl+d", "tick")
	end.SetHelp("ctrl+e", "end")
	pause.SetHelp("ctrl+t", "pause")
	if s.Interview.Clock.State() != model.Running {
		pause.SetHelp("ctrl+t", "start")
	}
	moment := []key.Binding{tick, end, pause}
	if s.focus == paneNotes {
		return common.KeyMap{
			Short: append(moment, k.SwitchPane),
			Full:  [][]key.Binding{chords, {k.SwitchPane, k.NotesBlur, s.notes.Keys.NewParagraph, s.notes.Keys.NewLine, k.StarNote, s.notes.Keys.Undo}},
		}
	}
	return common.KeyMap{
		Short: append(moment, k.Tick, k.Closing, k.Add, k.SwitchPane, k.Back),
		Full: [][]key.Binding{chords, {k.Up, k.Down, k.Tick, k.Skip, k.MustAsk, k.Choose, k.Star},
			{k.MoveUp, k.MoveDown, k.Add, k.Closing, k.First, k.Last, k.Budget, k.SwitchPane, k.Back}},
	}
}

// WheelScroll moves through the focused pane by the mouse wheel: the
// notes' caret, which the pane follows, or the checklist's cursor.
func (s InterviewScreen) WheelScroll(lines int) common.Screen {
	s.viewGen++ // the root scrolls without an Update: the kept frame is stale
	steps, down := lines, true
	if lines < 0 {
		steps, down = -lines, false
	}
	switch s.focus {
	case paneNotes:
		k := tea.KeyMsg{Type: tea.KeyUp}
		if down {
			k.Type = tea.KeyDown
		}
		for range steps {
			s.notes.Update(k, s.Interview.Elapsed(s.now), s.Interview.QuestionIDAt(s.now))
		}
	case paneChecklist:
		if down {
			s.cursor = min(s.cursor+steps, max(s.checklistRows()-1, 0))
		} else {
			s.cursor = max(s.cursor-steps, 0)
		}
	}
	return s
}
