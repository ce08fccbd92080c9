// Package contacts is the list of contacts.
package contacts

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/confirm"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

type contactListKeys struct {
	common.ListKeys
	Open   key.Binding
	New    key.Binding
	Edit   key.Binding
	Delete key.Binding
	Bank   key.Binding
	Import key.Binding
	Undo   key.Binding
	Filter key.Binding
	Sort   key.Binding
	Accept key.Binding // leave the filter box, keeping the filter
	Clear  key.Binding // leave the filter box, clearing it
	Back   key.Binding
	Quit   key.Binding
}

func newContactListKeys() contactListKeys {
	return contactListKeys{
		ListKeys: common.NewListKeys(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new contact")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Bank:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "question bank")),
		Import:   key.NewBinding(key.WithKeys("I"), key.WithHelp("I", "import a file")),
		Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo delete")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// ContactList is every contact, one line each, with a filter typed as you
// go. The contacts are indexed once per change, in a command (buildList),
// so a keystroke in the filter costs one pass over the index (or over the
// previous hits, when the new query only narrows the last; none at all on
// backspace) and drawing the rows in view.
type ContactList struct {
	C    *common.Common
	keys contactListKeys

	nb common.Notebook
	// gen tags the latest build asked for; keep is the contact the cursor
	// stays on when it lands.
	gen  int
	keep uint64

	contacts []*model.Contact // nb.Contacts less those deleted here, sorted
	index    *model.SearchIndex
	next     []model.Step // by position in contacts
	counts   []model.StageCount
	// countLines is counts drawn at the current width, kept because the
	// header is drawn on every keystroke and the counts change only when
	// the notebook does.
	countLines []string
	// stageCells are the stage column of each stage, drawn at the current
	// width: every row shows one, and they change only with the width.
	stageCells map[model.Stage]string
	loaded     bool

	sortKey model.SortKey
	order   []int // positions, sorted by sortKey
	filter  textinput.Model
	typed   *model.TypedFilter // the filter's results, kept per query typed
	ranked  bool               // words typed rank the hits by match, not the sort
	hits    []int              // positions shown, in order; typed's, not to be changed

	// trash holds contacts deleted on this screen, newest last. They are
	// hidden at once but only deleted from the notebook when the user
	// leaves the list (or quits), so u can bring them back until then.
	trash []model.Contact

	cursor, offset int
	width, height  int
}

func NewContactList(c *common.Common) ContactList {
	f := common.NewInput(c.Styles, "name, org:…, tag:…, stage:…")
	index := model.NewSearchIndex(nil)
	return ContactList{C: c, keys: newContactListKeys(), filter: f, index: index,
		typed: model.NewTypedFilter(index, nil)}
}

// Load: the root sends the summary it reads for every screen showing it.
func (l ContactList) Load() tea.Cmd { return nil }

// Watches the shared summary: stages and next steps move with every log,
// schedule and edit, made here or anywhere.
func (l ContactList) Watches() common.Watcher { return common.Watching(common.ShownSummary) }

// Unsaved: contacts deleted here stay in the trash, undoable, until the
// user leaves the list.
func (l ContactList) Unsaved() bool { return len(l.trash) > 0 }

// SaveNow is nil: the list empties its trash itself before it closes
// (see purge), where the user can still undo up to the last moment.
func (l ContactList) SaveNow() tea.Cmd { return nil }

// markDeletedMsg is the user confirming a delete on the list.
type markDeletedMsg struct{ id uint64 }

func (l ContactList) selected() (model.Contact, bool) {
	if l.cursor < 0 || l.cursor >= len(l.hits) {
		return model.Contact{}, false
	}
	return *l.contacts[l.hits[l.cursor]], true
}

func (l ContactList) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.NotebookLoadedMsg:
		if msg.Err == nil {
			return l, l.setNotebook(msg.Notebook)
		}
	case listBuiltMsg:
		if msg.gen == l.gen {
			l.setBuilt(msg.list)
		}
	case common.ContactSavedMsg:
		// The root reads the notebook again after the save, and the list
		// is built from that read; the cursor will be on this contact.
		if msg.Err == nil {
			l.keep = msg.Contact.ID
		}
	case common.ContactDeletedMsg:
		if msg.Err == nil {
			l.dropFromTrash(msg.ID)
		}
	case markDeletedMsg:
		return l.markDeleted(msg.id)
	case tea.KeyMsg:
		if l.filter.Focused() {
			return l.filterKey(msg)
		}
		return l.HandleKey(msg)
	}
	return l, nil
}

func (l ContactList) HandleKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	if l.moveKey(msg) {
		return l, nil
	}
	switch {
	case key.Matches(msg, l.keys.Filter):
		l.filter.Focus()
		return l, nil
	case key.Matches(msg, l.keys.Sort):
		l.sortKey = (l.sortKey + 1) % 3
		return l, tea.Batch(l.rebuild(), common.Info("Sorted by %s.", l.sortKey))
	case key.Matches(msg, l.keys.Undo):
		return l.undo()
	case key.Matches(msg, l.keys.Back):
		if l.filter.Value() != "" {
			l.filter.SetValue("")
			l.refilter()
			return l, nil
		}
		return l, tea.Sequence(append(l.purge(), common.Pop)...)
	case key.Matches(msg, l.keys.New):
		return l, common.Navigate(common.EditContactMsg{})
	case key.Matches(msg, l.keys.Bank):
		return l, common.Navigate(common.OpenBankMsg{})
	case key.Matches(msg, l.keys.Import):
		return l, common.Navigate(common.OpenImportMsg{})
	case key.Matches(msg, l.keys.Quit):
		return l, tea.Quit
	}
	c, ok := l.selected()
	if !ok {
		return l, nil
	}
	switch {
	case key.Matches(msg, l.keys.Open):
		return l, common.Navigate(common.OpenContactMsg{Contact: c})
	case key.Matches(msg, l.keys.Edit):
		return l, common.Navigate(common.EditContactMsg{Contact: c})
	case key.Matches(msg, l.keys.Delete):
		return l, common.Push(confirm.NewConfirm(l.C, fmt.Sprintf("Delete %s?", c.Name),
			"Their details, timeline and interviews go with them. Press u to undo until you leave the list.",
			func() tea.Msg { return markDeletedMsg{c.ID} }))
	}
	return l, nil
}

// moveKey handles the cursor keys, which work in the filter box too (the
// arrows only: letters are text there).
func (l *ContactList) moveKey(msg tea.KeyMsg) bool {
	page := max(l.rows()-1, 1)
	switch {
	case key.Matches(msg, l.keys.Up):
		l.move(-1)
	case key.Matches(msg, l.keys.Down):
		l.move(1)
	case key.Matches(msg, l.keys.PageUp):
		l.move(-page)
	case key.Matches(msg, l.keys.PageDown):
		l.move(page)
	case key.Matches(msg, l.keys.Home):
		l.move(-len(l.hits))
	case key.Matches(msg, l.keys.End):
		l.move(len(l.hits))
	default:
		return false
	}
	return true
}

func (l ContactList) filterKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch msg.Type {
	case tea.KeyUp, tea.KeyDown, tea.KeyPgUp, tea.KeyPgDown:
		l.moveKey(msg)
		return l, nil
	}
	switch {
	case key.Matches(msg, l.keys.Accept):
		l.filter.Blur()
		return l, nil
	case key.Matches(msg, l.keys.Clear):
		l.filter.Blur()
		l.filter.SetValue("")
		l.refilter()
		return l, nil
	}
	before := l.filter.Value()
	var cmd tea.Cmd
	l.filter, cmd = l.filter.Update(msg)
	if l.filter.Value() != before {
		l.refilter()
	}
	return l, cmd
}

// listBuiltMsg is the list built from one read of the notebook.
type listBuiltMsg struct {
	gen  int
	list *common.ContactListData
}

func (listBuiltMsg) ComputedFromHeld() {}

// setNotebook takes a fresh read of the notebook. The root builds the
// list as it opens by default (sorted by name, nothing deleted) once per
// read, in a command; otherwise this list builds its own, in a command.
func (l *ContactList) setNotebook(nb common.Notebook) tea.Cmd {
	l.nb = nb
	if nb.List != nil && l.sortKey == model.SortByName && len(l.trash) == 0 {
		if c, ok := l.selected(); ok && l.keep == 0 {
			l.keep = c.ID
		}
		l.gen++ // a build still running is older than this one
		l.setBuilt(nb.List)
		return nil
	}
	return l.rebuild()
}

// rebuild asks for the list to be built again, in a command, after the
// notebook, the trash or the sort key changed; the cursor stays on the
// contact it is on.
func (l *ContactList) rebuild() tea.Cmd {
	if c, ok := l.selected(); ok && l.keep == 0 {
		l.keep = c.ID
	}
	l.gen++
	gone := make(map[uint64]bool, len(l.trash))
	for _, c := range l.trash {
		gone[c.ID] = true
	}
	gen, nb, key := l.gen, l.nb, l.sortKey
	return func() tea.Msg { return listBuiltMsg{gen, common.BuildContactList(nb, gone, key)} }
}

// setBuilt shows a built list, filtered by the query typed so far.
func (l *ContactList) setBuilt(m *common.ContactListData) {
	l.contacts, l.next, l.index, l.order, l.counts = m.Contacts, m.Next, m.Index, m.Order, m.Counts
	l.loaded = true
	l.drawCounts()
	// Positions of the old index mean nothing now.
	l.typed = model.NewTypedFilter(l.index, l.order)
	l.filterHits()
	for i, p := range l.hits {
		if l.contacts[p].ID == l.keep {
			l.cursor = i
		}
	}
	l.keep = 0
	l.move(0)
}

// refilter runs the filter after the query changed.
func (l *ContactList) refilter() {
	l.filterHits()
	l.cursor, l.offset = 0, 0
}

func (l *ContactList) filterHits() {
	l.hits = l.typed.Filter(l.filter.Value())
	l.ranked = model.ParseQuery(l.filter.Value()).Ranked()
	l.move(0)
}

func (l *ContactList) move(delta int) {
	l.cursor = min(max(l.cursor+delta, 0), max(len(l.hits)-1, 0))
	rows := l.rows()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rows {
		l.offset = l.cursor - rows + 1
	}
	l.offset = max(min(l.offset, len(l.hits)-rows), 0)
}

// dropFromTrash forgets a contact whose deletion went through.
func (l *ContactList) dropFromTrash(id uint64) {
	for i, c := range l.trash {
		if c.ID == id {
			l.trash = append(l.trash[:i:i], l.trash[i+1:]...)
			return
		}
	}
}

func (l ContactList) markDeleted(id uint64) (common.Screen, tea.Cmd) {
	for _, c := range l.contacts {
		if c.ID == id {
			l.trash = append(l.trash, *c)
			return l, tea.Batch(l.rebuild(), common.Info("Deleted %s. Press u to undo.", c.Name))
		}
	}
	return l, nil
}

func (l ContactList) undo() (common.Screen, tea.Cmd) {
	if len(l.trash) == 0 {
		return l, nil
	}
	c := l.trash[len(l.trash)-1]
	l.trash = l.trash[:len(l.trash)-1]
	l.keep = c.ID
	return l, tea.Batch(l.rebuild(), common.Info("Brought back %s.", c.Name))
}

// purge deletes the trash from the notebook, as the user leaves.
func (l ContactList) purge() []tea.Cmd {
	var cmds []tea.Cmd
	for _, c := range l.trash {
		cmds = append(cmds, common.DeleteContact(l.C.Store, c.ID))
	}
	return cmds
}

// Flush deletes the trash when the program stops on the list: leaving
// Parley is leaving the screen.
func (l ContactList) Flush(s *store.Store) error {
	for _, c := range l.trash {
		if err := s.DeleteContact(c.ID); err != nil {
			return err
		}
	}
	return nil
}

// drawCounts renders the stage counts for the header, and the stage
// column's cells.
func (l *ContactList) drawCounts() {
	l.countLines = strings.Split(common.StageCountsView(l.C.Styles, l.counts, l.width), "\n")
	cols := columnsFor(l.width)
	l.stageCells = make(map[model.Stage]string)
	for _, st := range model.Stages() {
		l.stageCells[st] = l.stageCell(st, cols)
	}
}

func (l ContactList) SetSize(w, h int) common.Screen {
	l.width, l.height = w, h
	l.drawCounts()
	l.move(0)
	return l
}

func (l ContactList) Capturing() bool { return l.filter.Focused() }

func (l ContactList) Help() help.KeyMap {
	k := l.keys
	if l.filter.Focused() {
		return common.KeyMap{Short: []key.Binding{k.Accept, k.Clear}, Full: [][]key.Binding{{k.Accept, k.Clear}}}
	}
	has := len(l.hits) > 0
	k.Open.SetEnabled(has)
	k.Edit.SetEnabled(has)
	k.Delete.SetEnabled(has)
	k.Undo.SetEnabled(len(l.trash) > 0)
	deleteFull := k.Delete
	deleteFull.SetHelp("d", "delete (u undoes it until you leave the list)")
	if l.filter.Value() != "" {
		k.Back.SetHelp("esc", "clear filter")
	}
	return common.KeyMap{
		Short: []key.Binding{k.Open, k.Filter, k.Sort, k.New, k.Delete, k.Undo, k.Bank, k.Back},
		Full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
			{k.Open, k.New, k.Edit, deleteFull, k.Undo, k.Import}, {k.Filter, k.Sort, k.Bank, k.Back, k.Quit}},
	}
}

// OpenContacts opens the list.
func OpenContacts(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenContactsMsg); ok {
		return NewContactList(c), true
	}
	return nil, false
}
