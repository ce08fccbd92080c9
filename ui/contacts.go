package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

type contactListKeys struct {
	Up, Down  key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Home, End key.Binding
	Open      key.Binding
	New       key.Binding
	Edit      key.Binding
	Delete    key.Binding
	Bank      key.Binding
	Quit      key.Binding
}

func newContactListKeys() contactListKeys {
	return contactListKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Home:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		End:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new contact")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Bank:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "question bank")),
		Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// contactList is the first screen: every contact, one line each.
type contactList struct {
	c        *common
	keys     contactListKeys
	contacts []model.Contact // sorted by name
	loaded   bool
	cursor   int
	offset   int
	width    int
	height   int
}

func newContactList(c *common) contactList {
	return contactList{c: c, keys: newContactListKeys()}
}

func (l contactList) selected() (model.Contact, bool) {
	if l.cursor < 0 || l.cursor >= len(l.contacts) {
		return model.Contact{}, false
	}
	return l.contacts[l.cursor], true
}

func (l contactList) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case contactsLoadedMsg:
		if msg.err == nil {
			l.loaded = true
			l.setContacts(msg.contacts, 0)
		}
	case contactSavedMsg:
		if msg.err == nil {
			l.upsert(msg.contact)
		}
	case contactDeletedMsg:
		if msg.err == nil {
			l.remove(msg.id)
		}
	case tea.KeyMsg:
		return l.handleKey(msg)
	}
	return l, nil
}

func (l contactList) handleKey(msg tea.KeyMsg) (screen, tea.Cmd) {
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
		l.move(-len(l.contacts))
	case key.Matches(msg, l.keys.End):
		l.move(len(l.contacts))
	case key.Matches(msg, l.keys.New):
		return l, push(newContactForm(l.c, model.Contact{}))
	case key.Matches(msg, l.keys.Bank):
		return l, push(newBankScreen(l.c))
	case key.Matches(msg, l.keys.Quit):
		return l, tea.Quit
	}
	c, ok := l.selected()
	if !ok {
		return l, nil
	}
	switch {
	case key.Matches(msg, l.keys.Open):
		return l, push(newContactPage(l.c, c))
	case key.Matches(msg, l.keys.Edit):
		return l, push(newContactForm(l.c, c))
	case key.Matches(msg, l.keys.Delete):
		return l, push(confirmDelete(l.c, c))
	}
	return l, nil
}

// confirmDelete asks before deleting a contact and its interviews.
func confirmDelete(c *common, contact model.Contact) screen {
	return newConfirm(c, fmt.Sprintf("Delete %s?", contact.Name),
		"Their details and every interview with them, notes included, will be deleted.",
		deleteContact(c.store, contact.ID))
}

func (l *contactList) move(delta int) {
	l.cursor = min(max(l.cursor+delta, 0), max(len(l.contacts)-1, 0))
	l.scroll()
}

func (l *contactList) scroll() {
	rows := l.rows()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rows {
		l.offset = l.cursor - rows + 1
	}
	l.offset = max(min(l.offset, len(l.contacts)-rows), 0)
}

// rows is how many contacts fit below the title and column headings.
func (l contactList) rows() int { return max(l.height-3, 1) }

func (l *contactList) setContacts(cs []model.Contact, keepID uint64) {
	l.contacts = append([]model.Contact(nil), cs...)
	sort.SliceStable(l.contacts, func(i, j int) bool {
		return strings.ToLower(l.contacts[i].Name) < strings.ToLower(l.contacts[j].Name)
	})
	for i, c := range l.contacts {
		if c.ID == keepID {
			l.cursor = i
		}
	}
	l.move(0)
}

func (l *contactList) upsert(c model.Contact) {
	cs := l.contacts
	found := false
	for i := range cs {
		if cs[i].ID == c.ID {
			cs[i], found = c, true
		}
	}
	if !found {
		cs = append(cs, c)
	}
	l.setContacts(cs, c.ID)
}

func (l *contactList) remove(id uint64) {
	cs := make([]model.Contact, 0, len(l.contacts))
	for _, c := range l.contacts {
		if c.ID != id {
			cs = append(cs, c)
		}
	}
	l.contacts = cs
	l.move(0)
}

func (l contactList) view() string {
	st := l.c.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Parley") + st.Muted.Render(fmt.Sprintf(" · %d contacts", len(l.contacts))))
	b.WriteString("\n")
	if !l.loaded {
		return b.String() + st.Muted.Render("Opening the notebook…")
	}
	if len(l.contacts) == 0 {
		b.WriteString("\nNo contacts yet. Press n to add the first person you would like to talk to.")
		return b.String()
	}
	nameW, roleW := columnWidths(l.width)
	b.WriteString(st.Label.Render(row("  ", "Name", "Role", "Organisation", nameW, roleW, l.width)))
	end := min(l.offset+l.rows(), len(l.contacts))
	for i := l.offset; i < end; i++ {
		c := l.contacts[i]
		b.WriteString("\n")
		if i == l.cursor {
			b.WriteString(st.Selected.Render(row("▸ ", c.Name, c.Role, c.Organisation, nameW, roleW, l.width)))
		} else {
			b.WriteString(row("  ", c.Name, c.Role, c.Organisation, nameW, roleW, l.width))
		}
	}
	return b.String()
}

// columnWidths shares the width between name, role and organisation.
func columnWidths(width int) (name, role int) {
	usable := max(width-2-2, 12)
	return usable * 2 / 5, usable * 3 / 10
}

func row(marker, name, role, org string, nameW, roleW, width int) string {
	cell := func(s string, w int) string {
		s = truncateCells(s, w-1)
		return s + strings.Repeat(" ", max(w-cellWidth(s), 0))
	}
	line := marker + cell(name, nameW) + cell(role, roleW) + org
	return truncateCells(line, width)
}

func (l contactList) setSize(w, h int) screen {
	l.width, l.height = w, h
	l.scroll()
	return l
}

func (l contactList) capturing() bool { return false }

func (l contactList) help() help.KeyMap {
	k := l.keys
	has := len(l.contacts) > 0
	k.Open.SetEnabled(has)
	k.Edit.SetEnabled(has)
	k.Delete.SetEnabled(has)
	return keyMap{
		short: []key.Binding{k.Open, k.New, k.Edit, k.Delete, k.Bank, k.Quit},
		full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, {k.Open, k.New, k.Edit, k.Delete, k.Bank, k.Quit}},
	}
}
