// Package contactpage is one contact's page.
package contactpage

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/confirm"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

type contactPageKeys struct {
	Up, Down key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Start    key.Binding
	Open     key.Binding
	Edit     key.Binding
	Delete   key.Binding
	Forget   key.Binding
	Schedule key.Binding
	Log      key.Binding
	Stage    key.Binding
	Prepare  key.Binding
	Write    key.Binding
	Back     key.Binding
	Undo     key.Binding
	// On the interview under the cursor.
	NotHeld         key.Binding
	DeleteInterview key.Binding
}

func newContactPageKeys() contactPageKeys {
	return contactPageKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "scroll up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "scroll down")),
		Start:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start interview")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete (u undoes it until you leave)")),
		Forget:   key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "forget: remove every trace of them")),
		Schedule: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "schedule interview")),
		Log:      key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "log")),
		Stage:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "set stage")),
		Prepare:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "prepare interview")),
		Write:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "write a message")),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo delete")),

		NotHeld:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not held: cancelled/no-show/rescheduled")),
		DeleteInterview: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "delete interview")),
	}
}

// pageItem is something on the page the cursor can rest on: a person in
// the referral tree, an interview, or a timeline entry.
type pageItem struct {
	contactID   uint64 // a referral
	interviewID uint64 // an interview
	entryID     uint64 // a timeline entry
}

// ContactPage shows one contact: their details, the next step, who
// referred whom, their interviews and their timeline.
type ContactPage struct {
	c          *common.Common
	keys       contactPageKeys
	contact    model.Contact
	interviews []model.Interview // newest first
	timeline   []model.Interaction
	contacts   []model.Contact // the referral tree's people (store.ReferralFamily)
	settings   model.Settings
	loaded     bool
	items      []pageItem
	cursor     int
	// scroll is the first line shown, or -1 to follow the cursor, or
	// followEntry to show markEntry.
	scroll int
	// markEntry is a timeline entry the page was opened at (a search
	// hit), marked and scrolled to.
	markEntry uint64
	width     int
	height    int
	// deleting is set once the user confirmed a delete: the contact goes
	// from the notebook as the page closes, and u brings them back until
	// then, as on the list.
	deleting bool
	// reading is the timeline entry open in full, or 0.
	reading uint64
	// forgetting is set from the user's yes to forgetting the contact
	// until the page closes itself on the result.
	forgetting bool
}

// readingEntry is the timeline entry open in full, if any.
func (p ContactPage) readingEntry() (model.Interaction, bool) {
	if p.reading == 0 {
		return model.Interaction{}, false
	}
	for _, it := range p.timeline {
		if it.ID == p.reading {
			return it, true
		}
	}
	return model.Interaction{}, false
}

// pageDeleteMsg is the user confirming the delete of the page's contact.
type pageDeleteMsg struct{}

// Unsaved is true while a confirmed delete waits for the page to close.
func (p ContactPage) Unsaved() bool { return p.deleting }

// SaveNow carries out a confirmed delete as the page closes.
func (p ContactPage) SaveNow() tea.Cmd {
	if !p.deleting {
		return nil
	}
	return common.DeleteContact(p.c.Store, p.contact.ID)
}

// Flush carries out a confirmed delete when the program stops on the page.
func (p ContactPage) Flush(s *store.Store) error {
	if !p.deleting {
		return nil
	}
	return s.DeleteContact(p.contact.ID)
}

// ContactPageLoadedMsg carries what one contact's page shows.
type ContactPageLoadedMsg struct {
	contact    model.Contact
	interviews []model.Interview
	timeline   []model.Interaction
	contacts   []model.Contact
	settings   model.Settings
	err        error
}

func (m ContactPageLoadedMsg) Failed() error { return m.err }

func loadContactPage(s *store.Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		m := ContactPageLoadedMsg{}
		if m.contact, m.err = s.Contact(id); m.err != nil {
			return m
		}
		// Without notes: the page shows each interview's counts, and an
		// interview opened from here is read whole (common.OpenInterview).
		if m.interviews, m.err = s.InterviewsWithoutNotes(id); m.err != nil {
			return m
		}
		if m.timeline, m.err = s.Interactions(id); m.err != nil {
			return m
		}
		// The referral tree's people only, not everyone.
		if m.contacts, m.err = s.ReferralFamily(id); m.err != nil {
			return m
		}
		m.settings, m.err = s.Settings()
		return m
	}
}

func NewContactPage(c *common.Common, contact model.Contact) ContactPage {
	return ContactPage{c: c, contact: contact, keys: newContactPageKeys(), settings: model.Defaults()}
}

// Load reads the page's data; the root calls it on push.
func (p ContactPage) Load() tea.Cmd { return loadContactPage(p.c.Store, p.contact.ID) }

// Watches every contact (names in the referral tree), and the
// interviews, timeline and rules that make this contact's page.
func (p ContactPage) Watches() common.Watcher {
	return common.Watching(common.ChangedContact, common.ChangedInterview, common.ChangedTimeline, common.ChangedSettings)
}

// Changed re-reads the page when a change touches it. An autosave of one
// of its interviews is taken as it comes: they come every half second
// while notes are typed.
func (p ContactPage) Changed(msg common.NotebookChangedMsg) (common.Screen, tea.Cmd) {
	switch {
	case msg.Kind == common.ChangedContact && msg.ContactID == p.contact.ID && msg.Contact == nil:
		if p.forgetting {
			return p, nil // closeForgotten closes it
		}
		return p, common.Pop // deleted
	case msg.Kind == common.ChangedInterview && msg.Autosave && msg.ContactID == p.contact.ID:
		for i := range p.interviews {
			if p.interviews[i].ID == msg.Interview.ID {
				p.interviews[i] = *msg.Interview
			}
		}
		return p, nil
	case msg.Kind == common.ChangedContact, msg.Kind == common.ChangedSettings, msg.ContactID == p.contact.ID:
		return p, p.Load()
	}
	return p, nil
}

func (p ContactPage) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case ContactPageLoadedMsg:
		if msg.err == nil && msg.contact.ID == p.contact.ID {
			p.setLoaded(msg)
		}
	case common.InterviewsLoadedMsg:
		if msg.ContactID == p.contact.ID && msg.Err == nil {
			p.setInterviews(msg.Interviews)
		}
	case common.NotebookChangedMsg:
		return p.Changed(msg)
	case common.InterviewCreatedMsg:
		// The page that asked opens it; the change reaches every page.
		if msg.Err == nil && msg.Interview.ContactID == p.contact.ID {
			return p, common.OpenInterview(p.c.Store, p.contact, msg.Interview.ID)
		}
	case forgetPlannedMsg:
		return p, p.confirmForget(msg)
	case forgetChosenMsg:
		p.forgetting = true
		return p, forgetContact(p.c.Store, p.contact.ID, msg.keepNames, msg.prune, msg.copies, p.c.Now())
	case contactForgottenMsg:
		return p.closeForgotten(msg)
	case pageDeleteMsg:
		p.deleting = true
		return p, common.Info("%s is deleted when you leave this page. Press u to undo.", p.contact.Name)
	case tea.KeyMsg:
		if p.forgetting {
			return p, nil // it is going; nothing more to do on it
		}
		if p.deleting {
			return p.handleDeletingKey(msg)
		}
		if _, ok := p.readingEntry(); ok {
			return p.handleReadingKey(msg)
		}
		return p.HandleKey(msg)
	}
	return p, nil
}

// WheelScroll scrolls the page by the mouse wheel, leaving the cursor.
func (p ContactPage) WheelScroll(lines int) common.Screen { return p.scrollBy(lines) }

// scrollBy moves the view by n lines without moving the cursor.
func (p ContactPage) scrollBy(n int) ContactPage {
	if n != 0 {
		p.scroll = max(p.visibleFrom()+n, 0)
	}
	return p
}

// handleReadingKey scrolls an entry open in full; esc or enter closes it.
func (p ContactPage) handleReadingKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	rows := p.bodyRows()
	switch {
	case key.Matches(msg, p.keys.Back), key.Matches(msg, p.keys.Open):
		p.reading, p.scroll = 0, -1
	case key.Matches(msg, p.keys.Up):
		return p.scrollBy(-1), nil
	case key.Matches(msg, p.keys.Down):
		return p.scrollBy(1), nil
	case key.Matches(msg, p.keys.PageUp):
		return p.scrollBy(-max(rows-1, 1)), nil
	case key.Matches(msg, p.keys.PageDown):
		return p.scrollBy(max(rows-1, 1)), nil
	}
	return p, nil
}

// handleDeletingKey is the page once a delete is confirmed: only undo and
// leaving, which deletes.
func (p ContactPage) handleDeletingKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.Undo):
		p.deleting = false
		return p, common.Info("Kept %s.", p.contact.Name)
	case key.Matches(msg, p.keys.Back):
		return p, common.Pop
	}
	return p, nil
}

func (p *ContactPage) setLoaded(m ContactPageLoadedMsg) {
	p.contact, p.timeline, p.contacts, p.settings = m.contact, m.timeline, m.contacts, m.settings
	p.setInterviews(m.interviews)
}

func (p *ContactPage) setInterviews(ivs []model.Interview) {
	p.loaded = true
	p.interviews = p.interviews[:0:0]
	for i := len(ivs) - 1; i >= 0; i-- {
		p.interviews = append(p.interviews, ivs[i])
	}
	p.items = p.buildItems()
	p.cursor = min(p.cursor, max(len(p.items)-1, 0))
	if p.scroll == followEntry {
		// Opened at an entry: the cursor rests on it, so enter reads it.
		for i, it := range p.items {
			if it.entryID != 0 && it.entryID == p.markEntry {
				p.cursor = i
			}
		}
	}
}

// buildItems lists what the cursor can visit, in page order: the referral
// tree, then the interviews.
func (p ContactPage) buildItems() []pageItem {
	var items []pageItem
	for _, n := range p.referralTree() {
		if n.id != p.contact.ID {
			items = append(items, pageItem{contactID: n.id})
		}
	}
	for _, iv := range p.interviews {
		items = append(items, pageItem{interviewID: iv.ID})
	}
	for i := len(p.timeline) - 1; i >= 0; i-- {
		items = append(items, pageItem{entryID: p.timeline[i].ID})
	}
	return items
}

func (p ContactPage) current() (pageItem, bool) {
	if p.cursor < len(p.items) {
		return p.items[p.cursor], true
	}
	return pageItem{}, false
}

func (p ContactPage) HandleKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.Back):
		return p, common.Pop
	case key.Matches(msg, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
		p.scroll = -1 // follow the cursor
	case key.Matches(msg, p.keys.Down):
		p.cursor = min(p.cursor+1, max(len(p.items)-1, 0))
		p.scroll = -1
	case key.Matches(msg, p.keys.PageUp):
		p.scroll = max(p.visibleFrom()-max(p.bodyRows()-1, 1), 0)
	case key.Matches(msg, p.keys.PageDown):
		p.scroll = p.visibleFrom() + max(p.bodyRows()-1, 1)
	case key.Matches(msg, p.keys.Start):
		// An interview scheduled, prepared or under way is the one to hold,
		// not a second.
		if open := p.unfinishedInterview(); open.ID != 0 {
			return p, common.OpenInterview(p.c.Store, p.contact, open.ID)
		}
		return p, common.StartInterview(p.c.Store, p.contact.ID, p.c.Now())
	case key.Matches(msg, p.keys.Prepare):
		open := p.unfinishedInterview()
		switch open.Clock.State() {
		case model.Running, model.Paused:
			// Its checklist is edited on the live screen; a plan now would
			// make a second interview beside the one going on.
			return p, common.Info("An interview with %s is under way: s opens it. Prepare the next one once it has ended.", p.contact.Name)
		case model.NotStarted:
			if open.ID != 0 {
				return p, common.Navigate(common.OpenPlanMsg{Contact: p.contact, Interview: &open})
			}
		}
		return p, common.Navigate(common.OpenPlanMsg{Contact: p.contact})
	case key.Matches(msg, p.keys.Write):
		return p, common.Navigate(common.OpenComposeMsg{Contact: p.contact})
	case key.Matches(msg, p.keys.Open):
		if it, ok := p.current(); ok && it.entryID != 0 {
			p.reading, p.scroll = it.entryID, 0
			return p, nil
		}
		return p, p.Open()
	case key.Matches(msg, p.keys.Edit):
		return p, common.Navigate(common.EditContactMsg{Contact: p.contact})
	case key.Matches(msg, p.keys.Delete):
		return p, common.Push(confirm.NewConfirm(p.c, fmt.Sprintf("Delete %s?", p.contact.Name),
			"Their details, timeline and every interview with them, notes included. u undoes until you leave the page.",
			func() tea.Msg { return pageDeleteMsg{} }))
	case key.Matches(msg, p.keys.Forget):
		return p, p.askForget()
	case key.Matches(msg, p.keys.Schedule):
		return p, common.Navigate(common.OpenScheduleMsg{Contact: p.contact, Interview: p.pendingInterview()})
	case key.Matches(msg, p.keys.Log):
		return p, common.Navigate(common.OpenLogMsg{Contact: p.contact, Kind: p.suggestedKind()})
	case key.Matches(msg, p.keys.Stage):
		return p, common.Navigate(common.OpenStagePickerMsg{Contact: p.contact})
	case key.Matches(msg, p.keys.NotHeld):
		if iv, ok := p.currentInterview(); ok {
			return p, p.cycleNotHeld(iv)
		}
	case key.Matches(msg, p.keys.DeleteInterview):
		if iv, ok := p.currentInterview(); ok {
			return p, common.Push(confirm.NewConfirm(p.c, "Delete this interview?",
				interviewSummary(iv, p.c.Now(), p.c)+"\n\nIts questions, notes and wrap-up are deleted; the timeline keeps its entries.",
				deleteInterview(p.c.Store, iv)))
		}
	}
	return p, nil
}

// currentInterview is the interview under the cursor, if it is on one.
func (p ContactPage) currentInterview() (model.Interview, bool) {
	it, ok := p.current()
	if !ok || it.interviewID == 0 {
		return model.Interview{}, false
	}
	for _, iv := range p.interviews {
		if iv.ID == it.interviewID {
			return iv, true
		}
	}
	return model.Interview{}, false
}

// Open goes to the item under the cursor: a referral's own page, or an
// interview.
func (p ContactPage) Open() tea.Cmd {
	it, ok := p.current()
	if !ok || it.entryID != 0 {
		return nil
	}
	if it.contactID != 0 {
		for _, c := range p.contacts {
			if c.ID == it.contactID {
				return common.Navigate(common.OpenContactMsg{Contact: c})
			}
		}
		return nil
	}
	for _, iv := range p.interviews {
		if iv.ID == it.interviewID {
			return common.OpenInterview(p.c.Store, p.contact, iv.ID)
		}
	}
	return nil
}

// pendingInterview is the scheduled interview not yet held, if any, so
// scheduling again reschedules it rather than adding a second one.
func (p ContactPage) pendingInterview() model.Interview {
	for _, iv := range p.interviews {
		if _, held := iv.HeldAt(); !held && iv.Scheduled != nil && iv.NotHeld == "" {
			return iv
		}
	}
	return model.Interview{}
}

// unfinishedInterview is the interview not yet ended, if any: scheduled,
// prepared, or under way. With several, the pending scheduled one wins,
// else the newest.
func (p ContactPage) unfinishedInterview() model.Interview {
	if pending := p.pendingInterview(); pending.ID != 0 {
		return pending
	}
	var open model.Interview
	for _, iv := range p.interviews {
		if iv.Clock.State() != model.Ended && iv.NotHeld == "" && iv.ID > open.ID {
			open = iv
		}
	}
	return open
}

// suggestedKind is the interaction the next step calls for, so the log
// form usually opens on the right kind.
func (p ContactPage) suggestedKind() model.InteractionKind {
	switch p.nextStep().Kind {
	case model.StepThankYou:
		return model.KindThankYou
	case model.StepKeepInTouch:
		return model.KindUpdate
	case model.StepInterview:
		return model.KindInterview
	case model.StepFollowUp:
		return model.KindReply
	}
	return model.KindRequest
}

func (p ContactPage) nextStep() model.Step {
	now := p.c.Now()
	acts := model.Summarize(now, p.interviews, p.timeline)
	return model.NextStep(now, p.contact, acts[p.contact.ID], p.settings)
}

func (p ContactPage) SetSize(w, h int) common.Screen { p.width, p.height = w, h; return p }
func (p ContactPage) Capturing() bool                { return false }
func (p ContactPage) Help() help.KeyMap {
	k := p.keys
	if p.deleting {
		k.Back.SetHelp("esc", "leave and delete")
		return common.KeyMap{Short: []key.Binding{k.Undo, k.Back}, Full: [][]key.Binding{{k.Undo, k.Back}}}
	}
	if _, ok := p.readingEntry(); ok {
		k.Back.SetHelp("esc", "close the entry")
		k.Up.SetHelp("↑/k", "scroll up")
		k.Down.SetHelp("↓/j", "scroll down")
		return common.KeyMap{Short: []key.Binding{k.Up, k.Down, k.Back}, Full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Back}}}
	}
	it, ok := p.current()
	k.Open.SetEnabled(ok)
	switch {
	case ok && it.contactID != 0:
		k.Open.SetHelp("enter", "open contact")
	case ok && it.entryID != 0:
		k.Open.SetHelp("enter", "read entry")
	default:
		k.Open.SetHelp("enter", "open interview")
	}
	onInterview := ok && it.interviewID != 0
	k.NotHeld.SetEnabled(onInterview)
	k.DeleteInterview.SetEnabled(onInterview)
	// Always offered: with one item or none they still scroll the page.
	k.Up.SetHelp("↑/↓", "choose")
	return common.KeyMap{
		Short: []key.Binding{k.Up, k.Open, k.Prepare, k.Start, k.Schedule, k.Write, k.Log, k.Edit, k.Back},
		Full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Open},
			{k.Prepare, k.Start, k.Schedule, k.Write, k.Log, k.Stage}, {k.NotHeld, k.DeleteInterview, k.Edit, k.Delete, k.Forget, k.Back}},
	}
}

// followEntry is scroll's value while the page shows the entry it was
// opened at.
const followEntry = -2

// OpenContactPage opens a contact's page, at a timeline entry if the
// message names one.
func OpenContactPage(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.OpenContactMsg); ok {
		p := NewContactPage(c, m.Contact)
		if m.EntryID != 0 {
			p.markEntry, p.scroll = m.EntryID, followEntry
		}
		return p, true
	}
	return nil, false
}
