// Package markdown writes interviews as Markdown for pasting into a
// document or printing: who, when, how long, each question asked with
// the notes taken under it, and the wrap-up.
package markdown

import (
	"fmt"
	"io"
	"strings"
	"time"

	"parley/model"
)

// Write writes each interview in turn, with its contact, as a section.
// Times of day are written in the zone they were recorded in, so the
// file reads the same on every machine.
func Write(w io.Writer, interviews []model.Interview, contacts map[uint64]model.Contact) error {
	var b strings.Builder
	for i, iv := range interviews {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		writeInterview(&b, iv, contacts)
	}
	if len(interviews) == 0 {
		b.WriteString("No interviews.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeInterview(b *strings.Builder, iv model.Interview, contacts map[uint64]model.Contact) {
	c := contacts[iv.ContactID]
	fmt.Fprintf(b, "# Interview with %s\n\n", inline(c.Name))
	if sub := c.Subtitle(); sub != "" {
		fmt.Fprintf(b, "- **Who:** %s, %s\n", inline(c.Name), inline(sub))
	} else {
		fmt.Fprintf(b, "- **Who:** %s\n", inline(c.Name))
	}
	when := iv.Clock.StartedAt
	if when.IsZero() && iv.Scheduled != nil {
		when = iv.Scheduled.At
	}
	if !when.IsZero() {
		fmt.Fprintf(b, "- **When:** %s\n", when.Format("Monday 2 January 2006, 15:04 (MST)"))
	}
	if s := iv.Scheduled; s != nil {
		how := string(s.Mode)
		if s.Place != "" {
			how += ", " + inline(s.Place)
		}
		fmt.Fprintf(b, "- **How:** %s\n", how)
	}
	length := iv.WrapUp.Length
	if length == 0 {
		length = iv.Clock.Accumulated
	}
	if length > 0 {
		fmt.Fprintf(b, "- **Length:** %s (planned %s)\n", minutes(length), minutes(iv.Budget))
	} else {
		fmt.Fprintf(b, "- **Planned length:** %s\n", minutes(iv.Budget))
	}
	fmt.Fprintf(b, "- **Interview ID:** %d\n", iv.ID)
	notes := map[int][]model.Note{}
	for _, n := range iv.Notes {
		notes[n.QuestionID] = append(notes[n.QuestionID], n)
	}
	b.WriteString("\n## Questions\n\n")
	for _, q := range iv.Questions {
		mark := "[ ]"
		switch {
		case q.Asked:
			mark = "[x]"
		case q.Skipped:
			mark = "[-]"
		}
		extra := ""
		if q.Asked && q.AskedAt > 0 {
			extra = " _(at " + model.FormatClock(q.AskedAt) + ")_"
		}
		if q.Starred {
			extra += " ★"
		}
		fmt.Fprintf(b, "- %s %s%s\n", mark, inline(q.Text), extra)
		for _, n := range notes[q.ID] {
			writeNote(b, n, "    ")
		}
	}
	if general := notes[0]; len(general) > 0 {
		b.WriteString("\n## Other notes\n\n")
		for _, n := range general {
			writeNote(b, n, "")
		}
	}
	for _, n := range iv.Notes {
		if _, ok := iv.QuestionByID(n.QuestionID); n.QuestionID != 0 && !ok {
			writeNote(b, n, "")
		}
	}
	w := iv.WrapUp
	if w.Takeaways != "" {
		fmt.Fprintf(b, "\n## Takeaways\n\n%s\n", block(w.Takeaways, ""))
	}
	if len(w.Referrals) > 0 {
		b.WriteString("\n## Referrals\n\n")
		for _, r := range w.Referrals {
			line := "- " + inline(r.Name)
			if r.Note != "" {
				line += ": " + inline(r.Note)
			}
			if r.MayUseName {
				line += " _(may mention " + inline(c.Name) + ")_"
			}
			b.WriteString(line + "\n")
		}
	}
	var follow []string
	if !w.ThankYouDue.IsZero() {
		follow = append(follow, "Thank-you due "+w.ThankYouDue.Format("Monday 2 January 2006"))
	}
	if c.MayContactAgain {
		follow = append(follow, "You may contact "+inline(c.Name)+" again")
	}
	if len(follow) > 0 {
		b.WriteString("\n## Follow-ups\n\n")
		for _, f := range follow {
			b.WriteString("- " + f + "\n")
		}
	}
}

func writeNote(b *strings.Builder, n model.Note, indent string) {
	star := ""
	if n.Starred {
		star = " ★"
	}
	fmt.Fprintf(b, "%s- `%s`%s %s\n", indent, model.FormatClock(n.At), star, block(n.Text, indent+"  "))
}

// minutes writes d the way people say it: "20 min", "1 h 5 min".
func minutes(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	if m < 60 {
		return fmt.Sprintf("%d min", m)
	}
	if m%60 == 0 {
		return fmt.Sprintf("%d h", m/60)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}

// inline is s on one line, with what Markdown would take for markup
// escaped.
func inline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return markup.Replace(s)
}

// block is s, which may have several lines, each continued under indent.
func block(s, indent string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = markup.Replace(strings.TrimRight(l, " \t\r"))
	}
	return strings.Join(lines, "\n"+indent)
}

var markup = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "#", `\#`, "<", `\<`, "[", `\[`, "]", `\]`)
