// Package answers is what the interviews taught, side by side: for each
// question asked in more than one interview, every person's answer,
// grouped by the bank's themes; and the takeaways of every interview,
// newest first. Both can be narrowed to the people of one field,
// organisation or tag.
package answers

import (
	"parley/ui/common"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

type answersKeys struct {
	common.ListKeys
	Open    key.Binding
	Tab     key.Binding
	Filter  key.Binding
	Clear   key.Binding
	Back    key.Binding
	Choose  key.Binding
	Dismiss key.Binding
}

func newAnswersKeys() answersKeys {
	return answersKeys{
		ListKeys: common.NewListKeys(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open there")),
		Tab:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "takeaways/answers")),
		Filter:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "filter people")),
		Clear:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "everyone")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Choose:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Dismiss:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// view is which list the screen shows.
type view int

const (
	viewAnswers view = iota
	viewTakeaways
)

// Screen is answers side by side and the takeaways. The notebook is read
// in a command, and grouping it (which walks every interview) runs in a
// command too, when it lands and when the filter changes.
type Screen struct {
	common.NothingToSave
	c    *common.Common
	keys answersKeys

	data   notebookData
	loaded bool
	// computing is the generation of the grouping asked for last; an
	// older one landing late is dropped.
	computing int
	err       error

	filter    model.PeopleFilter
	facets    model.PeopleFacets
	themes    []model.AnswerTheme
	takeaways []model.Takeaway

	view view
	// rows are the lines of the list: headings and the answers or
	// takeaways the cursor can rest on.
	rows        []row
	cursor, top int

	picking bool
	choices []model.PeopleFilter
	choice  int

	width, height int
}

// notebookData is what the screen reads: every contact, every interview
// with its notes, and which theme each bank question is under.
type notebookData struct {
	contacts   []model.Contact
	byID       map[uint64]model.Contact
	interviews []model.Interview
	themeOf    map[string]string
}

// NewAnswersScreen is the screen, about to read the notebook.
func NewAnswersScreen(c *common.Common) Screen {
	return Screen{c: c, keys: newAnswersKeys()}
}

type (
	notebookReadMsg struct {
		data notebookData
		err  error
	}
	groupedMsg struct {
		gen       int
		themes    []model.AnswerTheme
		takeaways []model.Takeaway
		facets    model.PeopleFacets
	}
	openFailedMsg struct{ err error }
)

func (m notebookReadMsg) Failed() error { return m.err }
func (m openFailedMsg) Failed() error   { return m.err }

func readNotebook(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		cs, err := st.Contacts()
		if err != nil {
			return notebookReadMsg{err: err}
		}
		ivs, err := st.AllInterviews()
		if err != nil {
			return notebookReadMsg{err: err}
		}
		bank, err := st.QuestionBank()
		if err != nil {
			return notebookReadMsg{err: err}
		}
		d := notebookData{contacts: cs, interviews: ivs, byID: make(map[uint64]model.Contact, len(cs)),
			themeOf: map[string]string{}}
		for _, c := range cs {
			d.byID[c.ID] = c
		}
		// Built-ins first, so a hidden one still has its theme.
		for _, q := range append(questions.BuiltIns(), questions.Bank(bank)...) {
			d.themeOf[q.ID] = q.Theme.Label()
		}
		return notebookReadMsg{data: d}
	}
}

// group computes both lists for a filter, away from Update.
func group(d notebookData, f model.PeopleFilter, gen int) tea.Cmd {
	return func() tea.Msg {
		var order []string
		for _, t := range questions.Themes() {
			order = append(order, t.Label())
		}
		g := model.QuestionGrouping{Key: questions.StatKey, Theme: func(k string) string { return d.themeOf[k] },
			Themes: order}
		return groupedMsg{gen: gen, themes: model.SideBySide(d.contacts, d.interviews, f, g),
			takeaways: model.Takeaways(d.contacts, d.interviews, f), facets: model.FacetsOf(d.contacts, d.interviews)}
	}
}

func (s Screen) Load() tea.Cmd { return readNotebook(s.c.Store) }

// Watches contacts (names, fields) and interviews (answers). The notes
// saved as they are typed in a live interview are not re-read each time:
// the list catches up when that interview's screen saves on closing.
func (s Screen) Watches() common.Watcher {
	return common.Watching(common.ChangedContact, common.ChangedInterview)
}

func (s Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case notebookReadMsg:
		s.err = msg.err
		if msg.err != nil {
			return s, nil
		}
		s.data = msg.data
		return s, s.regroup()
	case groupedMsg:
		if msg.gen != s.computing {
			return s, nil
		}
		s.loaded = true
		s.themes, s.takeaways, s.facets = msg.themes, msg.takeaways, msg.facets
		s.buildRows()
	case common.NotebookChangedMsg:
		if !msg.Autosave {
			return s, s.Load()
		}
	case tea.KeyMsg:
		if s.picking {
			return s.pickKey(msg)
		}
		return s.HandleKey(msg)
	}
	return s, nil
}

func (s *Screen) regroup() tea.Cmd {
	s.computing++
	return group(s.data, s.filter, s.computing)
}

func (s Screen) HandleKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := s.keys
	page := max(s.height-len(s.header())-1, 1)
	switch {
	case key.Matches(msg, k.Back):
		return s, common.Pop
	case key.Matches(msg, k.Up):
		s.step(-1)
	case key.Matches(msg, k.Down):
		s.step(1)
	case key.Matches(msg, k.PageUp):
		s.step(-page / 2)
	case key.Matches(msg, k.PageDown):
		s.step(page / 2)
	case key.Matches(msg, k.Home):
		s.cursor, s.top = s.firstSelectable(), 0
	case key.Matches(msg, k.End):
		s.cursor = max(len(s.rows)-1, 0)
		s.follow()
	case key.Matches(msg, k.Tab):
		s.view = 1 - s.view
		s.buildRows()
	case key.Matches(msg, k.Filter):
		if s.loaded {
			s.openPicker()
		}
	case key.Matches(msg, k.Clear):
		if !s.filter.Empty() {
			s.filter = model.PeopleFilter{}
			return s, s.regroup()
		}
	case key.Matches(msg, k.Open):
		return s, s.open()
	}
	return s, nil
}

// open reads the interview under the cursor fresh (the live screen saves
// over what it opens) and opens it at the answer's paragraph, or at its
// wrap-up for a takeaway.
func (s Screen) open() tea.Cmd {
	if s.cursor >= len(s.rows) || !s.rows[s.cursor].selectable() {
		return nil
	}
	r := s.rows[s.cursor]
	var contactID, interviewID uint64
	note := 0
	if r.kind == rowAnswer {
		a := s.themes[r.theme].Questions[r.question].Answers[r.item]
		contactID, interviewID, note = a.ContactID, a.InterviewID, a.Paragraph+1
	} else {
		t := s.takeaways[r.item]
		contactID, interviewID = t.ContactID, t.InterviewID
	}
	st := s.c.Store
	return func() tea.Msg {
		c, err := st.Contact(contactID)
		if err != nil {
			return openFailedMsg{err}
		}
		iv, err := st.Interview(interviewID)
		if err != nil {
			return openFailedMsg{err}
		}
		return common.OpenInterviewMsg{Contact: c, Interview: iv, NoteNumber: note}
	}
}

// openPicker lists the filters to choose from: everyone, then each field,
// organisation and tag of the people interviewed.
func (s *Screen) openPicker() {
	s.choices = []model.PeopleFilter{{}}
	for _, f := range s.facets.Fields {
		s.choices = append(s.choices, model.PeopleFilter{Field: f})
	}
	for _, o := range s.facets.Organisations {
		s.choices = append(s.choices, model.PeopleFilter{Organisation: o})
	}
	for _, t := range s.facets.Tags {
		s.choices = append(s.choices, model.PeopleFilter{Tag: t})
	}
	s.choice = max(common.IndexOf(s.choices, s.filter), 0)
	s.picking = true
}

func (s Screen) pickKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := s.keys
	switch {
	case key.Matches(msg, k.Dismiss):
		s.picking = false
	case key.Matches(msg, k.Up):
		s.choice = max(s.choice-1, 0)
	case key.Matches(msg, k.Down):
		s.choice = min(s.choice+1, len(s.choices)-1)
	case key.Matches(msg, k.Home):
		s.choice = 0
	case key.Matches(msg, k.End):
		s.choice = len(s.choices) - 1
	case key.Matches(msg, k.Choose):
		s.picking = false
		if s.choices[s.choice] != s.filter {
			s.filter = s.choices[s.choice]
			s.cursor, s.top = 0, 0
			return s, s.regroup()
		}
	}
	return s, nil
}

func (s Screen) SetSize(w, h int) common.Screen {
	s.width, s.height = w, h
	s.follow()
	return s
}

func (s Screen) Capturing() bool { return false }

func (s Screen) Help() help.KeyMap {
	k := s.keys
	if s.picking {
		return common.KeyMap{Short: []key.Binding{k.Choose, k.Dismiss}, Full: [][]key.Binding{{k.Up, k.Down, k.Choose, k.Dismiss}}}
	}
	open := k.Open
	open.SetEnabled(s.cursor < len(s.rows) && s.rows[s.cursor].selectable())
	clear := k.Clear
	clear.SetEnabled(!s.filter.Empty())
	k.Filter.SetEnabled(s.loaded)
	return common.KeyMap{
		Short: []key.Binding{open, k.Tab, k.Filter, clear, k.Back},
		Full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, {open, k.Tab, k.Filter, clear, k.Back}},
	}
}

// OpenAnswers opens answers side by side.
func OpenAnswers(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenAnswersMsg); ok {
		return NewAnswersScreen(c), true
	}
	return nil, false
}
