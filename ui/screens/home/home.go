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
	// at is the item's place in its section of the agenda; its line is
	// drawn only when it is on screen.
	at int
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
	// whens are the upcoming interviews' times; whenW and nameW the
	// widths of the time and name columns, each as wide as its widest
	// entry so the columns line up.
	whens        []string
	whenW, nameW int
	// drawn keeps each item's line once drawn, until the next read: the
	// screen is drawn after every message (the spool check, every second,
	// too), and styling a screenful of lines costs milliseconds.
	drawn  *[]string
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
		if c, ok := h.nb.Contact(msg.Interview.ContactID); ok && msg.Err == nil {
			return h, common.OpenInterview(h.c.Store, c, msg.Interview.ID)
		}
	case tea.KeyMsg:
		return h.HandleKey(msg)
	}
	return h, nil
}

// setNotebook takes the agenda and rhythm the root's read computed; its
// cost follows the number of items due, and no item is drawn until it is
// on screen.
func (h *home) setNotebook(nb common.Notebook) {
	h.nb, h.loaded = nb, true
	h.items = h.buildItems()
	drawn := make([]string, len(h.items))
	h.drawn = &drawn
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
	return h.nb.Contact(h.items[h.cursor].contactID)
}

// start opens the interview with the item's person that is not over yet,
// or creates one: s then ctrl+t is a running clock. The person's
// interviews are read in the command (through the store's index): the
// summary holds only those with a date or a clock running.
func (h home) start(it homeItem) tea.Cmd {
	c, ok := h.nb.Contact(it.contactID)
	if !ok {
		return nil
	}
	st, now, want := h.c.Store, h.c.Now(), it.interviewID
	return func() tea.Msg {
		ivs, err := st.InterviewsWithoutNotes(c.ID)
		if err != nil {
			return common.StatusMsg{Text: common.PlainError(err), Err: true}
		}
		var open uint64
		for _, iv := range ivs {
			if iv.Clock.State() != model.Ended && iv.ID > open {
				if _, held := iv.HeldAt(); !held {
					open = iv.ID
				}
			}
		}
		for _, iv := range ivs {
			if want != 0 && iv.ID == want {
				open = want
			}
		}
		if open != 0 {
			return common.OpenInterview(st, c, open)()
		}
		return common.StartInterview(st, c.ID, now)()
	}
}

// act opens the place where the user deals with an item, straight over
// What's next so esc comes back here: the interview itself for one coming
// up, the thank-you note for one due, a request to draft for someone not
// yet asked, and the contact's page (to follow up, or give up on them)
// otherwise.
func (h home) act(it homeItem) tea.Cmd {
	c, ok := h.nb.Contact(it.contactID)
	if !ok {
		return nil
	}
	switch it.kind {
	case itemUpcoming:
		return common.OpenInterview(h.c.Store, c, it.interviewID)
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
	if name, ok := h.nb.Name(id); ok {
		return safetext.Line(name)
	}
	return "(deleted)"
}

// nameColMax is the widest the name column of What's next gets; a
// longer name is cut so the columns after it stay in line.
const nameColMax = 24

// buildItems lists the agenda's items, section by section, and measures
// the columns: the cost follows the number of items, and no line is drawn
// here (see line).
func (h *home) buildItems() []homeItem {
	ag := h.nb.Agenda
	now := h.c.Now()
	items := make([]homeItem, 0, len(ag.Upcoming)+len(ag.ThankYouDue)+len(ag.NoReply)+len(ag.ToContact)+
		len(ag.ReferralsToContact))
	h.whens, h.whenW = make([]string, len(ag.Upcoming)), 0
	for i, u := range ag.Upcoming {
		h.whens[i] = common.DayLabel(u.Schedule.At, now) + " " + h.c.TimeOfDay(u.Schedule.At)
		switch {
		case u.Underway:
			h.whens[i] = "under way"
		case u.Missed:
			h.whens[i] = "! " + h.whens[i]
		}
		h.whenW = max(h.whenW, common.CellWidth(h.whens[i])+2)
		items = append(items, homeItem{kind: itemUpcoming, contactID: u.ContactID, interviewID: u.InterviewID, at: i})
	}
	for i, t := range ag.ThankYouDue {
		items = append(items, homeItem{kind: itemThankYou, contactID: t.ContactID, at: i})
	}
	for i, w := range ag.NoReply {
		items = append(items, homeItem{kind: itemNoReply, contactID: w.ContactID, at: i})
	}
	for i, p := range ag.ToContact {
		items = append(items, homeItem{kind: itemToContact, contactID: p.ContactID, at: i})
	}
	for i, r := range ag.ReferralsToContact {
		if r.ContactID == 0 {
			// Suggested in a wrap-up, not a contact yet: enter opens the
			// page of the person who suggested them.
			items = append(items, homeItem{kind: itemReferral, contactID: r.ReferredBy, suggested: true, at: i})
			continue
		}
		items = append(items, homeItem{kind: itemReferral, contactID: r.ContactID, at: i})
	}
	// The name column is as wide as the widest name in it.
	h.nameW = 0
	for _, it := range items {
		if it.kind == itemUpcoming {
			continue
		}
		name := h.Name(it.contactID)
		if it.suggested {
			name = safetext.Line(ag.ReferralsToContact[it.at].Name)
		}
		h.nameW = max(h.nameW, common.CellWidth(name))
	}
	h.nameW = min(h.nameW, nameColMax) + 2
	return items
}

// drawnLine is item i's line, drawn once per read.
func (h home) drawnLine(i int) string {
	if h.drawn == nil || i >= len(*h.drawn) {
		return h.line(h.items[i])
	}
	if (*h.drawn)[i] == "" {
		(*h.drawn)[i] = h.line(h.items[i])
	}
	return (*h.drawn)[i]
}

// line draws one item.
func (h home) line(it homeItem) string {
	st := h.c.Styles
	now := h.c.Now()
	ag := h.nb.Agenda
	nameCol := func(s string) string {
		return common.PadRight(common.TruncateCells(safetext.Line(s), h.nameW-2), h.nameW)
	}
	switch it.kind {
	case itemUpcoming:
		u := ag.Upcoming[it.at]
		c, _ := h.nb.Contact(u.ContactID)
		name := safetext.Line(c.Name)
		how := ""
		if !u.Schedule.At.IsZero() {
			how = fmt.Sprintf(" · %s, %d min", safetext.Line(string(u.Schedule.Mode)), int(u.Schedule.Budget().Minutes()))
		}
		when := common.PadRight(h.whens[it.at], h.whenW)
		rest := name + st.Muted.Render(common.SubtitleSuffix(c)+how)
		switch {
		case u.Underway, u.Today && !u.Missed:
			when = st.Accent.Render(when)
		case u.Missed:
			// Held but not ended in Parley, rescheduled, or missed: either
			// way it needs the user. The mark goes first, where it is seen.
			when = st.Overdue.Render(when)
			rest = name + st.Muted.Render(" · not recorded"+common.SubtitleSuffix(c)+how)
		}
		return when + rest
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
		return nameCol(h.Name(t.ContactID)) + due + st.Muted.Render(" · interview "+common.DayLabel(t.HeldAt, now)+" · enter writes it")
	case itemNoReply:
		w := ag.NoReply[it.at]
		return nameCol(h.Name(w.ContactID)) + fmt.Sprintf("asked %d days ago", w.Days) +
			st.Muted.Render(" · follow up, or set no reply")
	case itemToContact:
		p := ag.ToContact[it.at]
		c, _ := h.nb.Contact(p.ContactID)
		return nameCol(c.Name) + st.Muted.Render("added "+common.DayLabel(p.Since, now)+common.SubtitleSuffix(c))
	}
	r := ag.ReferralsToContact[it.at]
	if it.suggested {
		return nameCol(r.Name) + st.Muted.Render("suggested by ") + h.Name(r.ReferredBy) +
			st.Muted.Render(" · not a contact yet")
	}
	return nameCol(h.Name(r.ContactID)) + st.Muted.Render("referred by ") + h.Name(r.ReferredBy) +
		st.Muted.Render(" · enter drafts the request")
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
			body = append(body, st.Selected.Render(common.TruncateCells("▸ "+h.drawnLine(r.item), h.width)))
		default:
			body = append(body, common.TruncateCells("  "+h.drawnLine(r.item), h.width))
		}
	}
	return strings.Join(append(top, body...), "\n")
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
