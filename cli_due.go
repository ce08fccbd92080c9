package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"parley/model"
	"parley/store"
	"parley/ui/safetext"
)

// dueReport is what `parley next` prints: the model's agenda for a shell,
// with names resolved and times in the user's zone. Its JSON form is the
// --json output, so its field names are an interface for scripts.
type dueReport struct {
	Now time.Time `json:"now"`
	// Days is how far after today interviews, thank-yous and updates are
	// looked for.
	Days int `json:"days"`
	// DueToday is what the exit status says: something needs doing today.
	DueToday    bool           `json:"due_today"`
	Interviews  []dueInterview `json:"interviews"`
	ThankYous   []dueThankYou  `json:"thank_yous"`
	NoReply     []dueFollowUp  `json:"no_reply"`
	NoReplyDays int            `json:"no_reply_days"`
	KeepInTouch []dueUpdate    `json:"keep_in_touch"`
	Referrals   []dueReferral  `json:"referrals"`
	// Hours is the clock the text shows times on.
	Hours model.HourCycle `json:"-"`
}

// contactRef names a contact in the report. Text is cleaned: the report is
// read on terminals and by scripts.
type contactRef struct {
	ID           uint64 `json:"id"`
	Name         string `json:"name"`
	Organisation string `json:"organisation,omitempty"`
}

type dueInterview struct {
	Contact contactRef `json:"contact"`
	// At is zero for an interview under way that was never scheduled.
	At            time.Time `json:"at,omitzero"`
	Mode          string    `json:"mode,omitempty"`
	Place         string    `json:"place,omitempty"`
	LengthMinutes int       `json:"length_minutes,omitempty"`
	Today         bool      `json:"today"`
	Missed        bool      `json:"missed"`
	Underway      bool      `json:"underway"`
}

type dueThankYou struct {
	Contact  contactRef `json:"contact"`
	HeldAt   time.Time  `json:"held_at"`
	Due      string     `json:"due"` // YYYY-MM-DD, the user's day
	DaysLeft int        `json:"days_left"`
	Overdue  bool       `json:"overdue"`
}

type dueFollowUp struct {
	Contact   contactRef `json:"contact"`
	RequestAt time.Time  `json:"request_at"`
	Days      int        `json:"days"`
}

type dueUpdate struct {
	Contact      contactRef `json:"contact"`
	LastExchange time.Time  `json:"last_exchange"`
	Due          string     `json:"due"`
	DaysLeft     int        `json:"days_left"`
	Overdue      bool       `json:"overdue"`
}

type dueReferral struct {
	Contact    contactRef `json:"contact"`
	ReferredBy contactRef `json:"referred_by"`
	Since      time.Time  `json:"since"`
}

// buildDueReport applies the model's rules (NextStepsFrom for the agenda,
// NextStep for keep-in-touch updates) at now, in now's location, looking
// days after today.
func buildDueReport(now time.Time, days int, nb store.Notebook, settings model.Settings) dueReport {
	loc := now.Location()
	settings = settings.Normalized()
	acts := model.Summarize(now, nb.Interviews, nb.Interactions)
	agenda := model.NextStepsFrom(now, nb.Contacts, acts, settings)
	byID := make(map[uint64]model.Contact, len(nb.Contacts))
	for _, c := range nb.Contacts {
		byID[c.ID] = c
	}
	ref := func(id uint64) contactRef {
		c, ok := byID[id]
		if !ok {
			return contactRef{ID: id, Name: "(deleted)"}
		}
		return contactRef{ID: id, Name: safetext.Clean(c.Name), Organisation: safetext.Clean(c.Organisation)}
	}
	r := dueReport{
		Now: now, Days: days, NoReplyDays: settings.NoReplyDays,
		Interviews: []dueInterview{}, ThankYous: []dueThankYou{}, NoReply: []dueFollowUp{},
		KeepInTouch: []dueUpdate{}, Referrals: []dueReferral{},
	}
	interview := func(id uint64, sch model.Schedule) dueInterview {
		iv := dueInterview{Contact: ref(id), Mode: string(sch.Mode), Place: safetext.Clean(sch.Place)}
		if !sch.At.IsZero() {
			iv.At = sch.At.In(loc)
			iv.LengthMinutes = int(sch.Budget().Minutes())
		}
		return iv
	}
	for _, u := range agenda.Upcoming {
		if !u.Underway && !u.Missed && model.DaysBetween(now, u.Schedule.At, loc) > days {
			continue
		}
		iv := interview(u.ContactID, u.Schedule)
		iv.Today, iv.Missed, iv.Underway = u.Today, u.Missed, u.Underway
		r.Interviews = append(r.Interviews, iv)
	}
	// The agenda looks UpcomingDays ahead; a longer --days takes the same
	// pending interviews further out.
	var later []dueInterview
	for _, c := range nb.Contacts {
		a := acts[c.ID]
		if a.Underway != nil || a.Pending == nil {
			continue
		}
		if d := model.DaysBetween(now, a.Pending.Scheduled.At, loc); d > model.UpcomingDays && d <= days {
			later = append(later, interview(c.ID, *a.Pending.Scheduled))
		}
	}
	slices.SortStableFunc(later, func(a, b dueInterview) int { return a.At.Compare(b.At) })
	r.Interviews = append(r.Interviews, later...)

	for _, t := range agenda.ThankYouDue {
		if t.DaysLeft > days {
			continue
		}
		r.ThankYous = append(r.ThankYous, dueThankYou{Contact: ref(t.ContactID), HeldAt: t.HeldAt.In(loc),
			Due: t.Due.In(loc).Format(time.DateOnly), DaysLeft: t.DaysLeft, Overdue: t.Overdue})
	}
	for _, w := range agenda.NoReply {
		r.NoReply = append(r.NoReply, dueFollowUp{Contact: ref(w.ContactID), RequestAt: w.RequestAt.In(loc), Days: w.Days})
	}
	for _, c := range nb.Contacts {
		step := model.NextStep(now, c, acts[c.ID], settings)
		if step.Kind != model.StepKeepInTouch || step.Due.IsZero() {
			continue // no exchange yet to count from: nothing is due
		}
		if left := model.DaysBetween(now, step.Due, loc); left <= days {
			r.KeepInTouch = append(r.KeepInTouch, dueUpdate{Contact: ref(c.ID), LastExchange: acts[c.ID].LastExchange.In(loc),
				Due: step.Due.In(loc).Format(time.DateOnly), DaysLeft: left, Overdue: step.Overdue})
		}
	}
	slices.SortStableFunc(r.KeepInTouch, func(a, b dueUpdate) int { return strings.Compare(a.Due, b.Due) })
	for _, p := range agenda.ReferralsToContact {
		if p.ContactID == 0 {
			// Suggested in a wrap-up and not made a contact: no ID, no date.
			r.Referrals = append(r.Referrals, dueReferral{Contact: contactRef{Name: safetext.Clean(p.Name)},
				ReferredBy: ref(p.ReferredBy)})
			continue
		}
		r.Referrals = append(r.Referrals, dueReferral{Contact: ref(p.ContactID), ReferredBy: ref(p.ReferredBy),
			Since: byID[p.ContactID].Created.In(loc)})
	}
	r.DueToday = r.dueToday()
	return r
}

// dueToday reports whether anything in the report needs doing today.
func (r dueReport) dueToday() bool {
	for _, iv := range r.Interviews {
		if iv.Today || iv.Missed || iv.Underway {
			return true
		}
	}
	for _, t := range r.ThankYous {
		if t.DaysLeft <= 0 {
			return true
		}
	}
	for _, u := range r.KeepInTouch {
		if u.DaysLeft <= 0 {
			return true
		}
	}
	return len(r.NoReply) > 0 || len(r.Referrals) > 0
}

// empty reports whether the report has nothing at all to show.
func (r dueReport) empty() bool {
	return len(r.Interviews)+len(r.ThankYous)+len(r.NoReply)+len(r.KeepInTouch)+len(r.Referrals) == 0
}

// Columns of the text report: when, who, then what, in cells. The when
// column grows up to maxWhenColumn for a section whose labels need it (a
// 12-hour time, another year's date).
const (
	whenColumn    = 20
	maxWhenColumn = 26
	whoColumn     = 28
)

// text renders the report as aligned plain text, each line at most width
// cells, sections apart by a blank line. It is "" when there is nothing.
func (r dueReport) text(width int) string {
	if r.empty() {
		return ""
	}
	var b strings.Builder
	section := func(title string, n int, row func(i int) (when, who, what string)) {
		if n == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(title + "\n")
		// The name column is as wide as the section's longest name needs,
		// up to whoColumn, leaving the rest of the line to places and links.
		whenWidth, whoWidth := whenColumn, 0
		for i := range n {
			when, who, _ := row(i)
			whenWidth = max(whenWidth, min(runewidth.StringWidth(when)+2, maxWhenColumn))
			whoWidth = max(whoWidth, min(runewidth.StringWidth(who)+2, whoColumn))
		}
		for i := range n {
			when, who, what := row(i)
			line := "  " + pad(when, whenWidth) + pad(who, whoWidth) + what
			if runewidth.StringWidth(line) > width {
				// A place or link cut short is no use: it gets a line of
				// its own under the name before anything is cut.
				b.WriteString(strings.TrimRight(runewidth.Truncate("  "+pad(when, whenWidth)+who, width, "..."), " ") + "\n")
				line = strings.Repeat(" ", 2+whenWidth+2) + what
			}
			b.WriteString(strings.TrimRight(runewidth.Truncate(line, width, "..."), " ") + "\n")
		}
	}
	title := fmt.Sprintf("Interviews: missed, today and the next %d days", r.Days)
	switch r.Days {
	case 0:
		title = "Interviews: missed and today"
	case 1:
		title = "Interviews: missed, today and tomorrow"
	}
	section(title, len(r.Interviews), func(i int) (string, string, string) {
		iv := r.Interviews[i]
		var how []string
		if iv.Missed {
			how = append(how, "not recorded")
		}
		if iv.Mode != "" {
			how = append(how, iv.Mode)
		}
		if iv.LengthMinutes > 0 {
			how = append(how, fmt.Sprintf("%d min", iv.LengthMinutes))
		}
		if iv.Place != "" {
			how = append(how, iv.Place)
		}
		when := r.dayLabel(iv.At) + " " + r.Hours.TimeOfDay(iv.At)
		switch {
		case iv.Underway:
			when = "under way"
		case iv.Missed:
			when = "! " + when
		}
		return when, iv.Contact.label(), strings.Join(how, ", ")
	})
	section("Thank-you notes", len(r.ThankYous), func(i int) (string, string, string) {
		t := r.ThankYous[i]
		return r.dueLabel(t.DaysLeft), t.Contact.label(), "interview " + r.dayLabel(t.HeldAt)
	})
	section(fmt.Sprintf("No reply for more than %d days", r.NoReplyDays), len(r.NoReply), func(i int) (string, string, string) {
		w := r.NoReply[i]
		return fmt.Sprintf("asked %d days ago", w.Days), w.Contact.label(), "follow up, or set no reply"
	})
	section("Updates to keep in touch", len(r.KeepInTouch), func(i int) (string, string, string) {
		u := r.KeepInTouch[i]
		return r.dueLabel(u.DaysLeft), u.Contact.label(), "last heard " + r.dayLabel(u.LastExchange)
	})
	section("Referrals not yet contacted", len(r.Referrals), func(i int) (string, string, string) {
		p := r.Referrals[i]
		if p.Contact.ID == 0 {
			return "suggested", p.Contact.label(), "by " + p.ReferredBy.label() + ", not a contact yet"
		}
		return "since " + r.dayLabel(p.Since), p.Contact.label(), "referred by " + p.ReferredBy.label()
	})
	return b.String()
}

// label is "Name (Organisation)", safe to print on one line.
func (c contactRef) label() string {
	s := safetext.Line(c.Name)
	if c.Organisation != "" {
		s += " (" + safetext.Line(c.Organisation) + ")"
	}
	return s
}

// hours is the clock times are printed on: the settings' choice, else
// the locale's.
func (app *cli) hours(settings model.Settings) model.HourCycle {
	locale := model.Hours24
	if app.getenv != nil {
		locale = model.HoursOfLocale(app.getenv)
	}
	return settings.Hours.Or(locale)
}

// dayLabel names t's day from the report's now: today, tomorrow,
// yesterday, else "Mon 2 Jan" (with the year when it is not this year's).
func (r dueReport) dayLabel(t time.Time) string {
	switch model.DaysBetween(r.Now, t, r.Now.Location()) {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	case -1:
		return "yesterday"
	}
	if t.Year() != r.Now.Year() {
		return t.Format("Mon 2 Jan 2006")
	}
	return t.Format("Mon 2 Jan")
}

// dueLabel says when something dated is due, from days left.
func (r dueReport) dueLabel(left int) string {
	switch {
	case left < 0:
		return fmt.Sprintf("! overdue %d %s", -left, plural(-left, "day", "days"))
	case left == 0:
		return "due today"
	}
	return "due " + r.dayLabel(r.Now.AddDate(0, 0, left))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// pad fills s with spaces to width cells, always leaving at least one
// space after it, cutting it short when it is too long.
func pad(s string, width int) string {
	s = runewidth.Truncate(s, width-1, "...")
	return s + strings.Repeat(" ", width-runewidth.StringWidth(s))
}
