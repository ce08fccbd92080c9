// Package search is the search over the whole notebook: contacts,
// research notes, interview notes, takeaways, timeline entries and sent
// messages, with the match in context and enter taking the user there.
package search

import (
	"parley/ui/common"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

type searchKeys struct {
	Up, Down key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Open     key.Binding
	Back     key.Binding
}

// newSearchKeys leaves every letter to the search box: moving is on the
// arrows and ctrl+p/ctrl+n, as in a shell's history search.
func newSearchKeys() searchKeys {
	return searchKeys{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous hit")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next hit")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go there")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// Screen is the search. The index is built in a command when the screen
// opens and again when the notebook changes; each key then narrows the
// hits of the key before (NotebookIndex.Refine), and only the hits on
// screen get a snippet.
type Screen struct {
	common.NothingToSave
	c     *common.Common
	keys  searchKeys
	input textinput.Model
	spin  spinner.Model

	index    *model.NotebookIndex
	contacts map[uint64]model.Contact
	// building is the generation of the index being built, 0 when none
	// is: a build that lands after a newer one was asked for is dropped.
	building int
	builds   int
	err      error
	// stale is set by the notes saved as they are typed in an interview
	// opened over this screen: the index is built again when the user is
	// back here and presses a key, not every half second meanwhile.
	stale bool

	// query is the normalised query hits were found for; hits and spare
	// take turns as Refine's input and output.
	query       string
	hits, spare []model.Hit
	cursor, top int

	width, height int
}

// NewSearchScreen is the search, empty, with its index about to be built.
func NewSearchScreen(c *common.Common) Screen {
	in := common.NewInput(c.Styles, "a name, a word from your notes, a takeaway…")
	in.Focus()
	sp := spinner.New(spinner.WithSpinner(spinner.Line))
	// The first build is the one Load starts.
	return Screen{c: c, keys: newSearchKeys(), input: in, spin: sp, builds: 1, building: 1}
}

// SearchesEverything marks the screen for the root: the search key does
// not open a second one over it.
func (s Screen) SearchesEverything() {}

// indexBuiltMsg carries a fresh index of the notebook.
type indexBuiltMsg struct {
	gen      int
	index    *model.NotebookIndex
	contacts map[uint64]model.Contact
	err      error
}

func (m indexBuiltMsg) Failed() error { return m.err }

// spinMsg turns the spinner while the index is being built.
type spinMsg struct{ gen int }

// openFailedMsg reports a hit whose record could not be read.
type openFailedMsg struct{ err error }

func (m openFailedMsg) Failed() error { return m.err }

// buildIndex reads every searchable text, and the contacts the hits name,
// in a command.
func buildIndex(st *store.Store, gen int) tea.Cmd {
	return func() tea.Msg {
		var b model.IndexBuilder
		if err := st.SearchSources(b.Add); err != nil {
			return indexBuiltMsg{gen: gen, err: err}
		}
		cs, err := st.Contacts()
		if err != nil {
			return indexBuiltMsg{gen: gen, err: err}
		}
		byID := make(map[uint64]model.Contact, len(cs))
		for _, c := range cs {
			byID[c.ID] = c
		}
		return indexBuiltMsg{gen: gen, index: b.Build(), contacts: byID}
	}
}

// Load builds the index, with the spinner turning meanwhile.
func (s Screen) Load() tea.Cmd {
	return tea.Batch(buildIndex(s.c.Store, s.building), s.nextSpin(s.building))
}

// rebuild asks for a new index after a change. The hits on screen stay
// until it lands; a build already under way, which may have read before
// the change, is dropped when it lands, and so is its spinner's tick.
func (s *Screen) rebuild() tea.Cmd {
	s.stale = false
	s.builds++
	s.building = s.builds
	return tea.Batch(buildIndex(s.c.Store, s.building), s.nextSpin(s.building))
}

// Watches what is searched: contacts, interviews and the timeline.
func (s Screen) Watches() common.Watcher {
	return common.Watching(common.ChangedContact, common.ChangedInterview, common.ChangedTimeline)
}

func (s Screen) nextSpin(gen int) tea.Cmd {
	return s.c.After(s.spin.Spinner.FPS, func(time.Time) tea.Msg { return spinMsg{gen} })
}

func (s Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case indexBuiltMsg:
		if msg.gen != s.building {
			return s, nil
		}
		s.building = 0
		s.err = msg.err
		if msg.err == nil {
			s.index, s.contacts = msg.index, msg.contacts
			// A short query finds a good share of the texts; buffers made
			// once spare each key the allocation (measured: the first key
			// at 10k contacts went from 21 MB and 20 ms at worst to none).
			if n := msg.index.Len(); cap(s.hits) < n {
				s.hits, s.spare = make([]model.Hit, 0, n), make([]model.Hit, 0, n)
			}
			// Hits of the old index are not trusted by the new one: the
			// query is searched again in full.
			s.query = ""
			s.search()
		}
	case spinMsg:
		if msg.gen != s.building {
			return s, nil
		}
		s.spin, _ = s.spin.Update(spinner.TickMsg{ID: s.spin.ID()})
		return s, s.nextSpin(msg.gen)
	case common.NotebookChangedMsg:
		if msg.Autosave {
			s.stale = true
			return s, nil
		}
		cmd := s.rebuild()
		return s, cmd
	case tea.KeyMsg:
		return s.HandleKey(msg)
	}
	return s, nil
}

func (s Screen) HandleKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	if s.stale {
		s.stale = false
		rebuild := s.rebuild()
		sc, cmd := s.HandleKey(msg)
		return sc, tea.Batch(rebuild, cmd)
	}
	rows := max(s.listRows()/linesPerHit, 1)
	switch {
	case key.Matches(msg, s.keys.Back):
		return s, common.Pop
	case key.Matches(msg, s.keys.Up):
		s.moveTo(s.cursor - 1)
	case key.Matches(msg, s.keys.Down):
		s.moveTo(s.cursor + 1)
	case key.Matches(msg, s.keys.PageUp):
		s.moveTo(s.cursor - rows)
	case key.Matches(msg, s.keys.PageDown):
		s.moveTo(s.cursor + rows)
	case key.Matches(msg, s.keys.Open):
		if s.cursor < len(s.hits) {
			return s, s.open(s.hits[s.cursor].Place)
		}
	default:
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		s.search()
		return s, cmd
	}
	return s, nil
}

// search brings the hits up to date with the box, narrowing the last
// hits when the query only grew.
func (s *Screen) search() {
	if s.index == nil {
		return
	}
	q := model.NormalizeSearch(s.input.Value())
	if q == s.query {
		return
	}
	s.hits, s.spare = s.index.Refine(q, s.query, s.hits, s.spare), s.hits
	s.query = q
	s.cursor, s.top = 0, 0
}

func (s *Screen) moveTo(i int) {
	s.cursor = min(max(i, 0), max(len(s.hits)-1, 0))
	rows := max(s.listRows()/linesPerHit, 1)
	if s.cursor < s.top {
		s.top = s.cursor
	}
	if s.cursor >= s.top+rows {
		s.top = s.cursor - rows + 1
	}
}

// open goes where a hit is: the contact's page (at the timeline entry, for
// one), or the interview at the paragraph or wrap-up, read first in a
// command since the live screen needs it whole.
func (s Screen) open(p model.Place) tea.Cmd {
	c, ok := s.contacts[p.ContactID]
	if !ok {
		return func() tea.Msg { return openFailedMsg{store.ErrNotFound} }
	}
	switch p.Kind {
	case model.HitContact, model.HitResearch:
		return common.Navigate(common.OpenContactMsg{Contact: c})
	case model.HitMessage, model.HitTimeline:
		return common.Navigate(common.OpenContactMsg{Contact: c, EntryID: p.EntryID})
	}
	st, note := s.c.Store, 0
	if p.Kind == model.HitNote {
		note = p.Paragraph + 1
	}
	return func() tea.Msg {
		iv, err := st.Interview(p.InterviewID)
		if err != nil {
			return openFailedMsg{err}
		}
		return common.OpenInterviewMsg{Contact: c, Interview: iv, NoteNumber: note}
	}
}

func (s Screen) SetSize(w, h int) common.Screen {
	s.width, s.height = w, h
	s.moveTo(s.cursor)
	return s
}

// Capturing: the search box always has the keys.
func (s Screen) Capturing() bool { return true }

func (s Screen) Help() help.KeyMap {
	k := s.keys
	k.Open.SetEnabled(len(s.hits) > 0)
	k.Up.SetEnabled(len(s.hits) > 1)
	k.Down.SetEnabled(len(s.hits) > 1)
	k.PageUp.SetEnabled(len(s.hits) > 1)
	k.PageDown.SetEnabled(len(s.hits) > 1)
	move := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move"))
	move.SetEnabled(len(s.hits) > 1)
	return common.KeyMap{
		Short: []key.Binding{k.Open, move, k.Back},
		Full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Open, k.Back}},
	}
}

// OpenSearch opens the search.
func OpenSearch(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenSearchMsg); ok {
		return NewSearchScreen(c), true
	}
	return nil, false
}
