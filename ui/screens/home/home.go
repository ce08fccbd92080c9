// Package home is "What's next", the first screen.
package home

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
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
	Start    key.Binding
	Page     key.Binding
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
		Start:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "interview now")),
		Page:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open contact")),
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
	itemToContact
)

// homeItem is one selectable line of the agenda.
type homeItem struct {
	kind        homeItemKind
	contactID   uint64
	interviewID uint64
	// suggested marks a person only suggested in a wrap-up: contactID is
	// the one who suggested them.
	suggested bool
	line      string // already styled
}

// home is the first screen, "What's next": what is due, without being
// asked, and one key from each item to the place to act on it.
type home struct {
	common.NothingToSave
	c      *common.Common
	keys   homeKeys
	nb     common.Notebook
	agenda model.Agenda
	byID   map[uint64]model.Contact
	items  []homeItem
	// rhythm is this week against the goal, with the weeks before.
	rhythm model.Progress
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
	case common.InterviewCreatedMsg:
		if c, ok := h.byID[msg.Interview.ContactID]; ok && msg.Err == nil {
			return h, common.OpenInterview(c, msg.Interview)
		}
	case tea.KeyMsg:
		return h.HandleKey(msg)
	}
	return h, nil
}

func (h *home) setNotebook(nb common.Notebook) {
	h.nb, h.loaded = nb, true
	h.byID = make(map[uint64]model.Contact, len(nb.Contacts))
	for _, c := range nb.Contacts {
		h.byID[c.ID] = c
	}
	h.agenda = model.NextSteps(h.c.Now(), nb.Contacts, nb.Interviews, nb.Interactions, nb.Settings)
	h.rhythm = model.ProgressAt(h.c.Now(), model.ProgressWeeks, nb.Contacts, nb.Interviews, nb.Interactions, nb.Settings)
	h.items = h.buildItems()
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
	case key.Matches(msg, h.keys.Start):
		if h.cursor < len(h.items) {
			return h, h.start(h.items[h.cursor])
		}
	case key.Matches(msg, h.keys.Page):
		if c, ok := h.current(); ok {
			return h, common.Navigate(common.OpenContactMsg{Contact: c})
		}
	}
	return h, nil
}

// current is the contact of the item under the cursor.
func (h home) current() (model.Contact, bool) {
	if h.cursor >= len(h.items) {
		return model.Contact{}, false
	}
	c, ok := h.byID[h.items[h.cursor].contactID]
	return c, ok
}

// start opens the interview with the item's person that is not over yet,
// or creates one: s then ctrl+t is a running clock.
func (h home) start(it homeItem) tea.Cmd {
	c, ok := h.byID[it.contactID]
	if !ok {
		return nil
	}
	var open model.Interview
	for _, iv := range h.nb.Interviews {
		if iv.ContactID == c.ID && iv.Clock.State() != model.Ended && iv.ID > open.ID {
			if _, held := iv.HeldAt(); !held {
				open = iv
			}
		}
	}
	if it.interviewID != 0 {
		for _, iv := range h.nb.Interviews {
			if iv.ID == it.interviewID {
				open = iv
			}
		}
	}
	if open.ID != 0 {
		return common.OpenInterview(c, open)
	}
	return common.StartInterview(h.c.Store, c.ID, h.c.Now())
}

// act opens the place where the user deals with an item, straight over
// What's next so esc comes back here: the interview itself for one coming
// up, the thank-you note for one due, a request to draft for someone not
// yet asked, and the contact's page (to follow up, or give up on them)
// otherwise.
func (h home) act(it homeItem) tea.Cmd {
	c, ok := h.byID[it.contactID]
	if !ok {
		return nil
	}
	switch it.kind {
	case itemUpcoming:
		for _, iv := range h.nb.Interviews {
			if iv.ID == it.interviewID {
				return common.OpenInterview(c, iv)
			}
		}
	case itemThankYou:
		return common.Navigate(common.OpenComposeMsg{Contact: c, Template: model.TemplateThankYou})
	case itemToContact, itemReferral:
		if !it.suggested {
			request := model.SuggestedTemplate(c, model.Step{Kind: model.StepSendRequest})
			return common.Navigate(common.OpenComposeMsg{Contact: c, Template: request})
		}
	}
	return common.Navigate(common.OpenContactMsg{Contact: c})
}

// Name is the contact's name, safe to draw.
func (h home) Name(id uint64) string {
	if c, ok := h.byID[id]; ok {
		return safetext.Line(c.Name)
	}
	return "(deleted)"
}

// nameColMax is the widest the name column of What's next gets; a
// longer name is cut so the columns after it stay in line.
const nameColMax = 24

// buildItems turns the agenda into lines, section by section, each
// column as wide as its widest entry so the columns line up.
func (h home) buildItems() []homeItem {
	st := h.c.Styles
	now := h.c.Now()
	nameW := 0
	for _, c := range h.nb.Contacts {
		nameW = max(nameW, common.CellWidth(safetext.Line(c.Name)))
	}
	for _, r := range h.agenda.ReferralsToContact {
		nameW = max(nameW, common.CellWidth(safetext.Line(r.Name)))
	}
	nameW = min(nameW, nameColMax) + 2
	nameCol := func(s string) string { return common.PadRight(common.TruncateCells(safetext.Line(s), nameW-2), nameW) }

	var items []homeItem
	whens := make([]string, len(h.agenda.Upcoming))
	whenW := 0
	for i, u := range h.agenda.Upcoming {
		whens[i] = common.DayLabel(u.Schedule.At, now) + " " + h.c.TimeOfDay(u.Schedule.At)
		switch {
		case u.Underway:
			whens[i] = "under way"
		case u.Missed:
			whens[i] = "! " + whens[i]
		}
		whenW = max(whenW, common.CellWidth(whens[i])+2)
	}
	for i, u := range h.agenda.Upcoming {
		c := h.byID[u.ContactID]
		name := safetext.Line(c.Name)
		how := ""
		if !u.Schedule.At.IsZero() {
			how = fmt.Sprintf(" · %s, %d min", u.Schedule.Mode, int(u.Schedule.Budget().Minutes()))
		}
		when := common.PadRight(whens[i], whenW)
		rest := name + st.Muted.Render(common.SubtitleSuffix(c)+how)
		switch {
		case u.Underway, u.Today && !u.Missed:
			when = st.Accent.Render(when)
		case u.Missed:
			// Held but not ended in Parley, rescheduled, or missed: either
			// way it needs the user. The mark goes first, where it is seen.
			when = st.Overdue.Render(when)
			rest = name + st.Muted.Render(" · not held"+common.SubtitleSuffix(c)+how)
		}
		items = append(items, homeItem{kind: itemUpcoming, contactID: u.ContactID, interviewID: u.InterviewID, line: when + rest})
	}
	for _, t := range h.agenda.ThankYouDue {
		var due string
		switch {
		case t.Overdue:
			due = st.Overdue.Render(fmt.Sprintf("! overdue %d %s", -t.DaysLeft, common.Plural(-t.DaysLeft, "day", "days")))
		case t.DaysLeft == 0:
			due = st.Accent.Render("due today")
		default:
			due = fmt.Sprintf("due %s", common.DayLabel(t.Due, now))
		}
		line := nameCol(h.Name(t.ContactID)) + due + st.Muted.Render(" · interview "+common.DayLabel(t.HeldAt, now)+" · enter writes it")
		items = append(items, homeItem{kind: itemThankYou, contactID: t.ContactID, line: line})
	}
	for _, w := range h.agenda.NoReply {
		line := nameCol(h.Name(w.ContactID)) + fmt.Sprintf("asked %d days ago", w.Days) +
			st.Muted.Render(" · follow up, or set no reply")
		items = append(items, homeItem{kind: itemNoReply, contactID: w.ContactID, line: line})
	}
	for _, p := range h.agenda.ToContact {
		c := h.byID[p.ContactID]
		line := nameCol(c.Name) + st.Muted.Render("added "+common.DayLabel(p.Since, now)+common.SubtitleSuffix(c))
		items = append(items, homeItem{kind: itemToContact, contactID: p.ContactID, line: line})
	}
	for _, r := range h.agenda.ReferralsToContact {
		if r.ContactID == 0 {
			// Suggested in a wrap-up, not a contact yet: enter opens the
			// page of the person who suggested them.
			line := nameCol(r.Name) + st.Muted.Render("suggested by ") + h.Name(r.ReferredBy) +
				st.Muted.Render(" · not a contact yet")
			items = append(items, homeItem{kind: itemReferral, contactID: r.ReferredBy, suggested: true, line: line})
			continue
		}
		line := nameCol(h.Name(r.ContactID)) + st.Muted.Render("referred by ") + h.Name(r.ReferredBy) +
			st.Muted.Render(" · enter drafts the request")
		items = append(items, homeItem{kind: itemReferral, contactID: r.ContactID, line: line})
	}
	return items
}

// sectionTitles name the agenda's sections, in the order items are built.
var sectionTitles = [...]string{
	itemUpcoming:  "Interviews: missed, today and the next 7 days",
	itemThankYou:  "Thank-you notes due",
	itemNoReply:   "No reply for more than %d days",
	itemReferral:  "Referrals not yet contacted",
	itemToContact: "To contact, oldest first: enter drafts the request",
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
	rhythm := chart.ProgressLines(h.rhythm, h.width, h.c.ChartGlyphs())[0]
	top := []string{head, common.StageCountsView(st, h.agenda.StageCounts, h.width), st.Muted.Render(rhythm), ""}
	if h.height < common.SmallScreenRows {
		top = []string{head} // the items matter more than the counts
	}
	var body []string
	cursorLine := 0
	section := homeItemKind(-1)
	for i, it := range h.items {
		if it.kind != section {
			if section >= 0 {
				body = append(body, "")
			}
			section = it.kind
			t := sectionTitles[it.kind]
			if it.kind == itemNoReply {
				t = fmt.Sprintf(t, h.nb.Settings.Normalized().NoReplyDays)
			}
			body = append(body, st.Focused.Render(t))
		}
		if i == h.cursor {
			cursorLine = len(body)
			body = append(body, st.Selected.Render(common.TruncateCells("▸ "+it.line, h.width)))
		} else {
			body = append(body, common.TruncateCells("  "+it.line, h.width))
		}
	}
	if len(h.items) == 0 {
		body = append(body, "Nothing is due. Press c to see all your contacts, or n to add one.")
	}
	rows := max(h.height-len(top), 1)
	start := 0
	if cursorLine >= rows {
		start = cursorLine - rows + 1
	}
	if h.cursor == 0 {
		start = 0 // show the first section's heading
	}
	end := min(start+rows, len(body))
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
	k.Start.SetEnabled(len(h.items) > 0)
	k.Page.SetEnabled(len(h.items) > 0)
	k.Up.SetEnabled(len(h.items) > 1)
	k.Down.SetEnabled(len(h.items) > 1)
	return common.KeyMap{
		Short: []key.Binding{k.Act, k.Start, k.Page, k.Contacts, k.New, k.Quit},
		Full:  [][]key.Binding{{k.Up, k.Down, k.Act, k.Start, k.Page}, {k.Contacts, k.New, k.Quit}, {k.Search, k.Answers, k.Stats}},
	}
}

// OpenHome builds "What's next", the first screen.
func OpenHome(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenHomeMsg); ok {
		return newHome(c), true
	}
	return nil, false
}
