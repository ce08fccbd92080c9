package compose

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"parley/model"
)

func (s composeScreen) View() string {
	st := s.c.Styles
	c := s.data.Contact
	title := st.Title.Render("Message to " + safetext.Line(c.Name))
	if s.phase >= composeDraft {
		title += st.Subtitle.Render(" · " + safetext.Line(s.tmpl.Name))
	}
	top := []string{common.TruncateCells(title, s.width)}
	if due := s.dueLine(); due != "" {
		top = append(top, due)
	}
	switch s.phase {
	case composeLoading:
		top = append(top, "", st.Muted.Render("Loading…"))
	case composePick:
		top = append(top, "", st.Focused.Render("Choose a template"))
		for i, t := range s.data.Templates {
			line := fmt.Sprintf("%s · %s", safetext.Line(t.Name), t.Channel)
			if t.ID == s.suggested {
				line += " · suggested"
			}
			if t.Edited {
				line += " · edited"
			} else if !t.BuiltIn {
				line += " · yours"
			}
			top = append(top, s.listLine(line, i == s.cursor))
		}
	case composeTakeaway:
		top = append(top, "", st.Focused.Render("Which takeaway from your notes should the message mention?"))
		for i, ch := range s.takeawayChoices() {
			top = append(top, s.listLine(ch, i == s.cursor))
		}
		top = append(top, s.listLine("None: I will write it in myself", s.cursor == len(s.takeawayChoices())))
	case composeEdit:
		line, col := s.area.Line()+1, common.TextCursorColumn(s.area)
		top = append(top, st.Muted.Render(common.TruncateCells(fmt.Sprintf("Editing · line %d, column %d · esc when done", line, col), s.width)), s.area.View())
	case composeDraft, composeChannel:
		return s.draftView(top)
	}
	if s.notice != "" && s.phase != composeEdit {
		top = append(top, "", s.noticeView())
	}
	return strings.Join(top, "\n")
}

func (s composeScreen) listLine(text string, selected bool) string {
	if selected {
		return s.c.Styles.Selected.Render(common.TruncateCells("▸ "+text, s.width))
	}
	return common.TruncateCells("  "+text, s.width)
}

func (s composeScreen) noticeView() string {
	st := s.c.Styles
	w := max(s.width, 10)
	if s.noticeErr {
		return st.Error.Render(ansi.Wrap("! "+s.notice, w, ""))
	}
	return st.Info.Render(ansi.Wrap(s.notice, w, ""))
}

// dueLine says what is due for this contact, the same rules the first
// screen uses: a thank-you (overdue stands out) or a request gone
// unanswered past the rule.
func (s composeScreen) dueLine() string {
	st := s.c.Styles
	if len(s.agenda.ThankYouDue) > 0 {
		t := s.agenda.ThankYouDue[0]
		when := "due " + t.Due.Format("Mon 2 Jan")
		switch {
		case t.Overdue:
			return st.Error.Render(fmt.Sprintf("! Thank-you overdue by %d %s (was %s)", -t.DaysLeft, common.Plural(-t.DaysLeft, "day", "days"), when))
		case t.DaysLeft == 0:
			return st.MustAsk.Render("Thank-you due today")
		}
		return st.Accent.Render(fmt.Sprintf("Thank-you %s (in %d %s)", when, t.DaysLeft, common.Plural(t.DaysLeft, "day", "days")))
	}
	if w, ok := s.noReply(); ok {
		return st.MustAsk.Render(fmt.Sprintf("No reply to your request of %s (%d days). Send a reminder, or x: mark no reply.",
			w.RequestAt.In(s.c.Now().Location()).Format("2 Jan"), w.Days))
	}
	return ""
}

// draftView shows the filled message with its gaps highlighted, then the
// gaps listed, the filling's notes and the last outcome; the message
// scrolls between them.
func (s composeScreen) draftView(top []string) string {
	st := s.c.Styles
	d := s.draft
	w := max(s.width, 10)
	to := "To: " + safetext.Line(s.data.Contact.Name)
	if e := s.data.Contact.Email; e != "" {
		to += " <" + safetext.Line(e) + ">"
	}
	state := "via " + string(s.tmpl.Channel)
	if s.edited {
		state += " · edited"
	}
	top = append(top, st.Muted.Render(common.TruncateCells(to+" · "+state, w)))
	if d.Subject != "" {
		top = append(top, common.TruncateCells(st.Label.Render("Subject: ")+s.highlight(safetext.Line(d.Subject), d.Missing), w))
	}
	top = append(top, st.Rule.Render(strings.Repeat("─", w)))

	var bottom []string
	if gaps := d.StillMissing(); len(gaps) > 0 {
		bottom = append(bottom, st.MustAsk.Render(ansi.Wrap(fmt.Sprintf("! %d %s to fill: %s. %s", len(gaps), common.Plural(len(gaps), "gap", "gaps"),
			gapLabels(gaps), gapAdvice(gaps)), w, "")))
	}
	for _, n := range d.Notes {
		bottom = append(bottom, st.Muted.Render(ansi.Wrap(safetext.Block(n), w, "")))
	}
	if s.phase == composeChannel {
		bottom = append(bottom, st.Focused.Render("How did you send it?"))
		for i, ch := range model.Channels() {
			bottom = append(bottom, s.listLine(string(ch), i == s.cursor))
		}
	} else if s.notice != "" {
		bottom = append(bottom, s.noticeView())
	}

	head, foot := strings.Join(top, "\n"), strings.Join(bottom, "\n")
	room := s.height - lipgloss.Height(head)
	if foot != "" {
		room -= lipgloss.Height(foot)
	}
	body := strings.Split(ansi.Wrap(s.highlight(strings.TrimRight(d.Text, "\n"), d.Missing), w, ""), "\n")
	room = max(room, 1)
	scroll := min(s.scroll, max(len(body)-room, 0))
	more := len(body) - scroll - room
	body = body[scroll:min(len(body), scroll+room)]
	if more > 0 && len(body) > 0 {
		// Say so rather than let the end of a letter vanish silently.
		body[len(body)-1] = st.Muted.Render(fmt.Sprintf("↓ %d more %s", more+1, common.Plural(more+1, "line", "lines")))
	}
	out := head + "\n" + strings.Join(body, "\n")
	if foot != "" {
		out += "\n" + foot
	}
	return out
}

// highlight makes user text safe to draw and each missing value's marker
// stand out. Without colour the marker's own "[…?]" is what shows.
func (s composeScreen) highlight(text string, missing []model.Placeholder) string {
	text = safetext.Block(text)
	for _, p := range missing {
		m := p.Marker()
		text = strings.ReplaceAll(text, m, s.c.Styles.MustAsk.Render(m))
	}
	return text
}

func gapLabels(ps []model.Placeholder) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Label()
	}
	return strings.Join(out, ", ")
}

// gapAdvice says where to fill the gaps: the profile, the contact's
// details, or the message itself.
func gapAdvice(ps []model.Placeholder) string {
	var profile, contact bool
	for _, p := range ps {
		switch {
		case p.FromProfile():
			profile = true
		case strings.HasPrefix(string(p), "contact."):
			contact = true
		}
	}
	var out []string
	if profile {
		out = append(out, "P fills your profile.")
	}
	if contact {
		out = append(out, "The contact's details fill in from their page (e there).")
	}
	return strings.Join(append(out, "e edits the message."), " ")
}
