// Package home is "What's next", the first screen.
package home

import (
	"fmt"
	"parley/ui/common"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/chart"
	"parley/model"
)

type homeKeys struct {
	Up, Down key.Binding
	Act      key.Binding
	Contacts key.Binding
	New      key.Binding
	Search   key.Binding
	Answers  key.Binding
	Stats    key.Binding
	Quit     key.Binding
}

func newHomeKeys() homeKeys {
	return homeKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Act:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "act on it")),
		Contacts: key.NewBinding(key.WithKeys("c", "tab"), key.WithHelp("c/tab", "all contacts")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new contact")),
		Search:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Answers:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "answers side by side")),
		Stats:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "progress")),
		Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// homeItemKind is the agenda section an item comes from, which decides
// where enter takes the user.
type homeItemKind int

const (
	itemUpcoming homeItemKind = iota
	itemThankYou
	itemNoReply
	itemReferral
)

// homeItem is one selectable line of the agenda; at is its place in its
// section of the agenda. Its text is drawn only when it is on screen.
type homeItem struct {
	kind        homeItemKind
	contactID   uint64
	interviewID uint64
	at          int
}

// homeRow is one line of the agenda's body: a section's title, the blank
// line before one, or an item.
type homeRow struct {
	title bool
	item  int // -1 for a blank line or a title
	kind  homeItemKind
}

// home is the first screen, "What's next": what is due, without being
// asked, and one key from each item to the place to act on it.
type home struct {
	common.NothingToSave
	c     *common.Common
	keys  homeKeys
	nb    common.Notebook
	items []homeItem
	rows  []homeRow
	// lineOf is each item's row.
	lineOf []int
	loaded bool
	cursor int
	width  int
	height int
}

func newHome(c *common.Common) home { return home{c: c, keys: newHomeKeys()} }

// Load: the root sends the summary it reads for every screen showing it.
func (h home) Load() tea.Cmd { return nil }

// Watches the shared summary, which the root reads again after every
// change that moves it and whenever the user comes back here.
func (h home) Watches() common.Watcher { return common.Watching(common.ShownSummary) }

func (h home) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.NotebookLoadedMsg:
		if msg.Err == nil {
			h.setNotebook(msg.Notebook)
		}
	case tea.KeyMsg:
		return h.HandleKey(msg)
	}
	return h, nil
}

// setNotebook takes the agenda the root's read computed; its cost follows
// the number of items due, and no item is drawn until it is on screen.
func (h *home) setNotebook(nb common.Notebook) {
	h.nb, h.loaded = nb, true
	h.items = h.buildItems()
	h.rows, h.lineOf = nil, make([]int, 0, len(h.items))
	for i, it := range h.items {
		if i == 0 || it.kind != h.items[i-1].kind {
			if i > 0 {
				h.rows = append(h.rows, homeRow{item: -1})
			}
			h.rows = append(h.rows, homeRow{title: true, item: -1, kind: it.kind})
		}
		h.lineOf = append(h.lineOf, len(h.rows))
		h.rows = append(h.rows, homeRow{item: i, kind: it.kind})
	}
	h.cursor = min(h.cursor, max(len(h.items)-1, 0))
}

func (h home) HandleKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(msg, h.keys.Up):
		h.cursor = max(h.cursor-1, 0)
	case key.Matches(msg, h.keys.Down):
		h.cursor = min(h.cursor+1, max(len(h.items)-1, 0))
	case key.Matches(msg, h.keys.Contacts):
		return h, common.Navigate(common.OpenContactsMsg{})
	case key.Matches(msg, h.keys.New):
		return h, common.Navigate(common.EditContactMsg{})
	case key.Matches(msg, h.keys.Search):
		return h, common.Navigate(common.OpenSearchMsg{})
	case key.Matches(msg, h.keys.Answers):
		return h, common.Navigate(common.OpenAnswersMsg{})
	case key.Matches(msg, h.keys.Stats):
		return h, common.Navigate(common.OpenStatsMsg{})
	case key.Matches(msg, h.keys.Quit):
		return h, tea.Quit
	case key.Matches(msg, h.keys.Act):
		if h.cursor < len(h.items) {
			return h, h.act(h.items[h.cursor])
		}
	}
	return h, nil
}

// act opens the place where the user deals with an item: the interview
// itself for one coming up, the thank-you log for one due, and the
// contact's page (to log a request, or give up on them) otherwise.
func (h home) act(it homeItem) tea.Cmd {
	c, ok := h.nb.Contact(it.contactID)
	if !ok {
		return nil
	}
	page := common.Navigate(common.OpenContactMsg{Contact: c})
	switch it.kind {
	case itemUpcoming:
		return tea.Sequence(page, common.OpenInterview(h.c.Store, c, it.interviewID))
	case itemThankYou:
		return tea.Sequence(page, common.Navigate(common.OpenLogMsg{Contact: c, Kind: model.KindThankYou}))
	}
	return page
}

func (h home) Name(id uint64) string {
	if c, ok := h.nb.Contact(id); ok {
		return c.Name
	}
	return "(deleted)"
}

// buildItems lists the agenda's items, section by section.
func (h home) buildItems() []homeItem {
	ag := h.nb.Agenda
	items := make([]homeItem, 0, len(ag.Upcoming)+len(ag.ThankYouDue)+len(ag.NoReply)+len(ag.ReferralsToContact))
	for i, u := range ag.Upcoming {
		items = append(items, homeItem{kind: itemUpcoming, contactID: u.ContactID, interviewID: u.InterviewID, at: i})
	}
	for i, t := range ag.ThankYouDue {
		items = append(items, homeItem{kind: itemThankYou, contactID: t.ContactID, at: i})
	}
	for i, w := range ag.NoReply {
		items = append(items, homeItem{kind: itemNoReply, contactID: w.ContactID, at: i})
	}
	for i, r := range ag.ReferralsToContact {
		// One only suggested in a wrap-up is not a contact yet: enter
		// opens the page of the person who suggested them.
		id := r.ContactID
		if id == 0 {
			id = r.ReferredBy
		}
		items = append(items, homeItem{kind: itemReferral, contactID: id, at: i})
	}
	return items
}

// line draws one item.
func (h home) line(it homeItem) string {
	st := h.c.Styles
	now := h.c.Now()
	ag := h.nb.Agenda
	switch it.kind {
	case itemUpcoming:
		u := ag.Upcoming[it.at]
		c, _ := h.nb.Contact(u.ContactID)
		when := common.DayLabel(u.Schedule.At, now) + " " + h.c.TimeOfDay(u.Schedule.At)
		how := ""
		if !u.Schedule.At.IsZero() {
			how = fmt.Sprintf(" · %s, %d min", u.Schedule.Mode, int(u.Schedule.Budget().Minutes()))
		}
		whenCol := func(s string) string { return common.PadRight(s, max(17, common.CellWidth(s)+1)) }
		switch {
		case u.Underway:
			return st.Accent.Render(whenCol("under way")) + c.Name + st.Muted.Render(common.SubtitleSuffix(c)+how)
		case u.Missed:
			// Held but not ended in Parley, rescheduled, or missed: either
			// way it needs the user. The mark goes first, where it is seen.
			return st.Overdue.Render(whenCol("! "+when)) + c.Name + st.Muted.Render(" · not held"+common.SubtitleSuffix(c)+how)
		case u.Today:
			return st.Accent.Render(whenCol(when)) + c.Name + st.Muted.Render(common.SubtitleSuffix(c)+how)
		}
		return whenCol(when) + c.Name + st.Muted.Render(common.SubtitleSuffix(c)+how)
	case itemThankYou:
		t := ag.ThankYouDue[it.at]
		var due string
		switch {
		case t.Overdue:
			due = st.Overdue.Render(fmt.Sprintf("! overdue %d %s", -t.DaysLeft, common.Plural(-t.DaysLeft, "day", "days")))
		case t.DaysLeft == 0:
			due = st.Accent.Render("due today")
		default:
			due = fmt.Sprintf("due %s", common.DayLabel(t.Due, now))
		}
		return common.PadRight(h.Name(t.ContactID), 24) + due + st.Muted.Render(" · interview "+common.DayLabel(t.HeldAt, now))
	case itemNoReply:
		w := ag.NoReply[it.at]
		return common.PadRight(h.Name(w.ContactID), 24) + fmt.Sprintf("asked %d days ago", w.Days) +
			st.Muted.Render(" · follow up, or set no reply")
	default:
		r := ag.ReferralsToContact[it.at]
		if r.ContactID == 0 {
			return common.PadRight(r.Name, 24) + st.Muted.Render("suggested by ") + h.Name(r.ReferredBy) +
				st.Muted.Render(" · not a contact yet")
		}
		return common.PadRight(h.Name(r.ContactID), 24) + st.Muted.Render("referred by ") + h.Name(r.ReferredBy)
	}
}

// sectionTitles name the agenda's sections, in the order items are built.
var sectionTitles = [...]string{
	itemUpcoming: "Interviews: missed, today and the next 7 days",
	itemThankYou: "Thank-you notes due",
	itemNoReply:  "No reply for more than %d days",
	itemReferral: "Referrals not yet contacted",
}

func (h home) View() string {
	st := h.c.Styles
	now := h.c.Now()
	title := st.Title.Render("What's next")
	date := st.Muted.Render(now.Format("Mon 2 Jan 2006"))
	head := title + strings.Repeat(" ", max(h.width-common.CellWidth(title)-common.CellWidth(date), 1)) + date
	if !h.loaded {
		return head + "\n" + st.Muted.Render("Opening the notebook…")
	}
	if len(h.nb.Contacts) == 0 {
		return head + "\n\n" + welcome(st, h.width)
	}
	rhythm := chart.ProgressLines(h.nb.Rhythm, h.width, h.c.ChartGlyphs())[0]
	top := []string{head, common.StageCountsView(st, h.nb.Agenda.StageCounts, h.width), st.Muted.Render(rhythm), ""}
	if h.height < common.SmallScreenRows {
		top = []string{head} // the items matter more than the counts
	}
	if len(h.items) == 0 {
		return strings.Join(append(top, "Nothing is due. Press c to see all your contacts, or n to add one."), "\n")
	}
	rows := max(h.height-len(top), 1)
	cursorLine := h.lineOf[h.cursor]
	start := 0
	if cursorLine >= rows {
		start = cursorLine - rows + 1
	}
	if h.cursor == 0 {
		start = 0 // show the first section's heading
	}
	end := min(start+rows, len(h.rows))
	body := make([]string, 0, end-start)
	for _, r := range h.rows[start:end] {
		switch {
		case r.title:
			t := sectionTitles[r.kind]
			if r.kind == itemNoReply {
				t = fmt.Sprintf(t, h.nb.Settings.Normalized().NoReplyDays)
			}
			body = append(body, st.Focused.Render(t))
		case r.item < 0:
			body = append(body, "")
		case r.item == h.cursor:
			body = append(body, st.Selected.Render(common.TruncateCells("▸ "+h.line(h.items[r.item]), h.width)))
		default:
			body = append(body, common.TruncateCells("  "+h.line(h.items[r.item]), h.width))
		}
	}
	return strings.Join(append(top, body[start:end]...), "\n")
}

// welcome is what an empty notebook shows: what Parley is for and how to
// add the first person.
func welcome(st *common.Styles, width int) string {
	lines := []string{
		st.Title.Render("Welcome to Parley."),
		"",
		"Keep the people you would like to ask about their work, the interviews",
		"you hold with them, and what to do next: who to thank, who to chase.",
		"",
		"Press " + st.Accent.Render("n") + " to add the first person you would like to talk to.",
		"",
		st.Muted.Render("From your shell: parley add \"Ana Ruiz\" --org \"City Council\""),
	}
	for i, l := range lines {
		lines[i] = common.TruncateCells(l, width)
	}
	return strings.Join(lines, "\n")
}

func (h home) SetSize(w, hh int) common.Screen { h.width, h.height = w, hh; return h }
func (h home) Capturing() bool                 { return false }
func (h home) Help() help.KeyMap {
	k := h.keys
	k.Act.SetEnabled(len(h.items) > 0)
	k.Up.SetEnabled(len(h.items) > 1)
	k.Down.SetEnabled(len(h.items) > 1)
	return common.KeyMap{
		Short: []key.Binding{k.Act, k.Contacts, k.New, k.Quit},
		Full:  [][]key.Binding{{k.Up, k.Down, k.Act}, {k.Contacts, k.New, k.Quit}, {k.Search, k.Answers, k.Stats}},
	}
}

// OpenHome builds "What's next", the first screen.
func OpenHome(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenHomeMsg); ok {
		return newHome(c), true
	}
	return nil, false
}
