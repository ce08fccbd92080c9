// Package bank is the question bank.
package bank

import (
	"errors"
	"parley/ui/common"
	"parley/ui/components/confirm"
	"parley/ui/components/questionrow"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/questions"
	"parley/store"
)

type bankKeys struct {
	common.ListKeys
	Theme        key.Binding
	ThemeBack    key.Binding
	Kind         key.Binding
	Filter       key.Binding
	ClearFilter  key.Binding
	New          key.Binding
	Edit         key.Binding
	Delete       key.Binding
	Tag          key.Binding
	ShowHidden   key.Binding
	Answers      key.Binding
	Unhide       key.Binding
	Back         key.Binding
	FilterDone   key.Binding
	InputOK      key.Binding
	InputCancel  key.Binding
	questionForm questionFormKeys
}

func newBankKeys() bankKeys {
	return bankKeys{
		ListKeys:     common.NewListKeys(),
		Theme:        key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next theme")),
		ThemeBack:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous theme")),
		Kind:         key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "practical/reflective")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filters")),
		New:          key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
		Edit:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete/hide")),
		Tag:          key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tags")),
		ShowHidden:   key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "hidden questions")),
		Answers:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "answers side by side")),
		Unhide:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "unhide")),
		Back:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		FilterDone:   key.NewBinding(key.WithKeys("enter", "esc", "down", "up"), key.WithHelp("enter", "done filtering")),
		InputOK:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		InputCancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		questionForm: newQuestionFormKeys(),
	}
}

// bankMode is what the bank screen's keys go to.
type bankMode int

const (
	bankBrowse bankMode = iota
	bankFiltering
	bankForm
	bankTagging
)

// bankScreen browses the question bank and edits it: the user's own
// questions are added, edited, tagged and deleted; built-ins are edited,
// tagged and hidden, never destroyed. Each question shows how often it was
// asked in past interviews and how often its answer earned a star.
type bankScreen struct {
	c      *common.Common
	keys   bankKeys
	bank   common.BankCopy
	stats  map[string]questions.Stat
	loaded bool

	theme      questions.Theme // "" for every theme
	kind       questions.Kind  // "" for both kinds
	filter     textinput.Model
	showHidden bool
	rows       []questions.Question // what the filters let through
	cursor     int
	offset     int

	mode   bankMode
	form   questionForm
	tags   textinput.Model
	tagsID string

	width, height int
}

// bankDeleteMsg comes back from the delete confirmation.
type bankDeleteMsg struct{ id string }

func NewBankScreen(c *common.Common) bankScreen {
	return bankScreen{c: c, keys: newBankKeys(), filter: common.NewInput(c.Styles, "words in the text or tags"),
		tags: common.NewInput(c.Styles, "comma-separated, e.g. first-chat, tech")}
}

// Load reads the bank and the statistics of every interview.
func (b bankScreen) Load() tea.Cmd { return common.LoadBank(b.c.Store, true) }

// selected is the question under the cursor.
func (b bankScreen) selected() (questions.Question, bool) {
	if b.cursor < 0 || b.cursor >= len(b.rows) {
		return questions.Question{}, false
	}
	return b.rows[b.cursor], true
}

// refilter recomputes the visible rows, keeping the cursor on the same
// question when it is still there.
func (b *bankScreen) refilter() {
	keep, _ := b.selected()
	all := questions.Bank(b.bank.State)
	if b.showHidden {
		all = b.bank.State.Hidden()
	}
	b.rows = questions.Filter(all, b.theme, b.kind, b.filter.Value())
	b.cursor = min(b.cursor, max(len(b.rows)-1, 0))
	for i, q := range b.rows {
		if q.ID == keep.ID {
			b.cursor = i
		}
	}
	b.offset = questionrow.ScrollTo(b.offset, b.cursor, b.listRows(), len(b.rows))
}

func (b bankScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.BankLoadedMsg:
		if msg.Err == nil && msg.Stats != nil {
			b.loaded, b.stats = true, msg.Stats
			b.bank = common.BankCopy{State: msg.State}
			b.refilter()
		}
	case common.BankSavedMsg:
		return b, b.bank.Saved(msg)
	case bankDeleteMsg:
		st, err := b.bank.State.Delete(msg.id)
		if err != nil {
			return b, common.Info("%s", common.Sentence(err))
		}
		cmd := b.bank.Change(b.c, st, "Deleted.")
		b.refilter()
		return b, cmd
	case tea.KeyMsg:
		if !b.loaded {
			if key.Matches(msg, b.keys.Back) {
				return b, common.Pop
			}
			return b, nil
		}
		switch b.mode {
		case bankFiltering:
			return b.handleFilterKey(msg)
		case bankForm:
			return b.handleFormKey(msg)
		case bankTagging:
			return b.handleTagKey(msg)
		}
		return b.HandleKey(msg)
	}
	return b, nil
}

func (b bankScreen) HandleKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := b.keys
	page := max(b.listRows()-1, 1)
	move := func(d int) {
		b.cursor = min(max(b.cursor+d, 0), max(len(b.rows)-1, 0))
		b.offset = questionrow.ScrollTo(b.offset, b.cursor, b.listRows(), len(b.rows))
	}
	q, has := b.selected()
	switch {
	case key.Matches(msg, k.ClearFilter) && b.filtered():
		b.theme, b.kind, b.showHidden = "", "", false
		b.filter.SetValue("")
		b.refilter()
	case key.Matches(msg, k.Back):
		return b, common.Pop
	case key.Matches(msg, k.Up):
		move(-1)
	case key.Matches(msg, k.Down):
		move(1)
	case key.Matches(msg, k.PageUp):
		move(-page)
	case key.Matches(msg, k.PageDown):
		move(page)
	case key.Matches(msg, k.Home):
		move(-len(b.rows))
	case key.Matches(msg, k.End):
		move(len(b.rows))
	case key.Matches(msg, k.Theme), key.Matches(msg, k.ThemeBack):
		d := 1
		if key.Matches(msg, k.ThemeBack) {
			d = -1
		}
		b.theme = common.Cycle(append([]questions.Theme{""}, questions.Themes()...), b.theme, d)
		b.refilter()
	case key.Matches(msg, k.Kind):
		b.kind = common.Cycle([]questions.Kind{"", questions.Practical, questions.Reflective}, b.kind, 1)
		b.refilter()
	case key.Matches(msg, k.Filter):
		b.mode = bankFiltering
		return b, b.filter.Focus()
	case key.Matches(msg, k.Answers):
		return b, common.Navigate(common.OpenAnswersMsg{})
	case key.Matches(msg, k.ShowHidden):
		b.showHidden = !b.showHidden
		b.cursor, b.offset = 0, 0
		b.refilter()
	case key.Matches(msg, k.New) && !b.showHidden:
		var cmd tea.Cmd
		b.form, cmd = newQuestionForm(b.c.Styles, questions.Question{Theme: b.theme, Kind: b.kind})
		b.mode = bankForm
		return b, cmd
	case !has:
	case key.Matches(msg, k.Edit):
		var cmd tea.Cmd
		b.form, cmd = newQuestionForm(b.c.Styles, q)
		b.mode = bankForm
		return b, cmd
	case key.Matches(msg, k.Tag):
		b.mode, b.tagsID = bankTagging, q.ID
		b.tags.SetValue(safetext.Strip(joinTags(q.Tags)))
		b.tags.CursorEnd()
		return b, b.tags.Focus()
	case key.Matches(msg, k.Delete) && !q.Hidden:
		if q.BuiltIn {
			st, err := b.bank.State.Hide(q.ID)
			if err != nil {
				return b, common.Info("%s", common.Sentence(err))
			}
			cmd := b.bank.Change(b.c, st, "Hidden. Built-in questions are kept: H lists them, u brings one back.")
			b.refilter()
			return b, cmd
		}
		id := q.ID
		return b, common.Push(confirm.NewConfirm(b.c, "Delete this question?",
			q.Text+"\n\nIt leaves the bank for good. Interviews and saved sets keep their copy.",
			func() tea.Msg { return bankDeleteMsg{id} }))
	case key.Matches(msg, k.Unhide) && q.Hidden:
		st, err := b.bank.State.Unhide(q.ID)
		if err != nil {
			return b, common.Info("%s", common.Sentence(err))
		}
		cmd := b.bank.Change(b.c, st, "Back in the bank.")
		b.refilter()
		return b, cmd
	}
	return b, nil
}

// filtered is true when any filter narrows the list, so esc clears them
// before it leaves the screen.
func (b bankScreen) filtered() bool {
	return b.theme != "" || b.kind != "" || b.filter.Value() != "" || b.showHidden
}

func (b bankScreen) handleFilterKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	if key.Matches(msg, b.keys.FilterDone) {
		if msg.Type == tea.KeyEsc {
			b.filter.SetValue("")
		}
		b.mode = bankBrowse
		b.filter.Blur()
		b.refilter()
		return b, nil
	}
	var cmd tea.Cmd
	b.filter, cmd = b.filter.Update(msg)
	b.cursor, b.offset = 0, 0
	b.refilter()
	return b, cmd
}

func (b bankScreen) handleFormKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	f, done, save, cmd := b.form.Update(b.keys.questionForm, msg)
	b.form = f
	if !done {
		return b, cmd
	}
	if !save {
		b.mode = bankBrowse
		return b, nil
	}
	var (
		st   questions.UserState
		err  error
		note string
		newQ questions.Question
	)
	text := f.input.Value()
	if f.id == "" {
		st, newQ, err = b.bank.State.Add(text, f.theme, f.kind, nil)
		note = "Added to the bank."
	} else {
		st, err = b.bank.State.Edit(f.id, text, f.theme, f.kind)
		note = "Saved."
	}
	if err != nil {
		b.form.problem = plainQuestionError(err)
		return b, nil
	}
	b.mode = bankBrowse
	cmd = b.bank.Change(b.c, st, note)
	b.refilter()
	if newQ.ID != "" {
		// Show the new question even if the filters would hide it.
		if _, ok := questions.Lookup(b.rows, newQ.ID); !ok {
			b.theme, b.kind = "", ""
			b.filter.SetValue("")
			b.refilter()
		}
		for i, q := range b.rows {
			if q.ID == newQ.ID {
				b.cursor = i
			}
		}
		b.offset = questionrow.ScrollTo(b.offset, b.cursor, b.listRows(), len(b.rows))
	}
	return b, cmd
}

func (b bankScreen) handleTagKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(msg, b.keys.InputCancel):
		b.mode = bankBrowse
		b.tags.Blur()
		return b, nil
	case key.Matches(msg, b.keys.InputOK):
		b.mode = bankBrowse
		b.tags.Blur()
		st, err := b.bank.State.SetTags(b.tagsID, questions.ParseTags(b.tags.Value()))
		if err != nil {
			return b, common.Info("%s", common.Sentence(err))
		}
		cmd := b.bank.Change(b.c, st, "Tags saved.")
		b.refilter()
		return b, cmd
	}
	var cmd tea.Cmd
	b.tags, cmd = b.tags.Update(msg)
	return b, cmd
}

// plainQuestionError words a refused question for the form.
func plainQuestionError(err error) string {
	if errors.Is(err, questions.ErrEmptyText) {
		return "Write the question first."
	}
	return common.Sentence(err)
}

func (b bankScreen) SetSize(w, h int) common.Screen {
	b.width, b.height = w, h
	b.offset = questionrow.ScrollTo(b.offset, b.cursor, b.listRows(), len(b.rows))
	return b
}

func (b bankScreen) Capturing() bool { return b.mode != bankBrowse }

func (b bankScreen) Help() help.KeyMap {
	k := b.keys
	switch b.mode {
	case bankFiltering:
		return common.KeyMap{Short: []key.Binding{k.FilterDone}, Full: [][]key.Binding{{k.FilterDone}}}
	case bankForm:
		f := k.questionForm
		f.Left.SetEnabled(b.form.field > 0)
		f.Right.SetEnabled(b.form.field > 0)
		return common.KeyMap{Short: []key.Binding{f.Next, f.Left, f.Right, f.Save, f.Cancel},
			Full: [][]key.Binding{{f.Next, f.Prev, f.Left, f.Right}, {f.Save, f.Cancel}}}
	case bankTagging:
		return common.KeyMap{Short: []key.Binding{k.InputOK, k.InputCancel}, Full: [][]key.Binding{{k.InputOK, k.InputCancel}}}
	}
	q, has := b.selected()
	k.Edit.SetEnabled(has)
	k.Tag.SetEnabled(has)
	k.Delete.SetEnabled(has && !q.Hidden)
	k.Unhide.SetEnabled(has && q.Hidden)
	k.New.SetEnabled(!b.showHidden)
	k.ClearFilter.SetEnabled(b.filtered())
	k.Back.SetEnabled(!b.filtered())
	return common.KeyMap{
		Short: []key.Binding{k.New, k.Edit, k.Delete, k.Unhide, k.Theme, k.Kind, k.Filter, k.ClearFilter, k.Back},
		Full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
			{k.Theme, k.ThemeBack, k.Kind, k.Filter, k.ShowHidden, k.ClearFilter},
			{k.New, k.Edit, k.Tag, k.Delete, k.Unhide, k.Back}, {k.Answers}},
	}
}

// flush writes the bank if its last save did not go through.
// watches nothing: the bank screen holds its own copy of the bank.
func (b bankScreen) Watches() common.Watcher { return common.Watching() }

// withTypedQuestion is the bank with the question in the form applied, if
// one is being typed and is valid.
func (b bankScreen) withTypedQuestion() (questions.UserState, bool) {
	f := b.form
	if b.mode != bankForm || strings.TrimSpace(f.input.Value()) == "" {
		return b.bank.State, false
	}
	var (
		st  questions.UserState
		err error
	)
	if f.id == "" {
		st, _, err = b.bank.State.Add(f.input.Value(), f.theme, f.kind, nil)
	} else {
		st, err = b.bank.State.Edit(f.id, f.input.Value(), f.theme, f.kind)
	}
	return st, err == nil
}

// Unsaved: a change not yet on disk, or a question being typed.
func (b bankScreen) Unsaved() bool {
	_, typed := b.withTypedQuestion()
	return b.bank.Unsaved || typed
}

// SaveNow is nil: every change is written as it is made, and a question
// still in the form is the user's to finish or drop.
func (b bankScreen) SaveNow() tea.Cmd { return nil }

// Flush writes the bank, with the question being typed when the program
// stops (ctrl+c, SIGTERM, SIGHUP).
func (b bankScreen) Flush(s *store.Store) error {
	if st, typed := b.withTypedQuestion(); typed {
		b.bank.State, b.bank.Unsaved = st, true
	}
	return b.bank.Flush(b.c, s)
}

// OpenBank opens the question bank.
func OpenBank(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenBankMsg); ok {
		return NewBankScreen(c), true
	}
	return nil, false
}
