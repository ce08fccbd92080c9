package contactpage

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/lipgloss"

	"parley/model"
)

// treeNode is one person in the referral tree around the contact.
type treeNode struct {
	id    uint64
	depth int
}

// referralTree is the chain of who referred whom up to this contact, then
// the people they referred the user to, and whom those referred in turn:
// two levels down is as far as a page can usefully show.
func (p ContactPage) referralTree() []treeNode {
	byID := make(map[uint64]model.Contact, len(p.contacts))
	kids := map[uint64][]uint64{}
	for _, c := range p.contacts {
		byID[c.ID] = c
		if c.ReferredBy != 0 {
			kids[c.ReferredBy] = append(kids[c.ReferredBy], c.ID)
		}
	}
	var chain []uint64
	seen := map[uint64]bool{p.contact.ID: true}
	for id := p.contact.ReferredBy; id != 0 && !seen[id] && len(chain) < 3; id = byID[id].ReferredBy {
		if _, ok := byID[id]; !ok {
			break
		}
		seen[id] = true
		chain = append([]uint64{id}, chain...)
	}
	if len(chain) == 0 && len(kids[p.contact.ID]) == 0 {
		return nil
	}
	var nodes []treeNode
	for d, id := range chain {
		nodes = append(nodes, treeNode{id, d})
	}
	self := len(chain)
	nodes = append(nodes, treeNode{p.contact.ID, self})
	for _, k := range kids[p.contact.ID] {
		if seen[k] {
			continue
		}
		seen[k] = true
		nodes = append(nodes, treeNode{k, self + 1})
		for _, g := range kids[k] {
			if !seen[g] {
				seen[g] = true
				nodes = append(nodes, treeNode{g, self + 2})
			}
		}
	}
	return nodes
}

// header is what stays on top while the page scrolls: who, where they
// stand and what is next, and a pending delete.
func (p ContactPage) header() string {
	st := p.c.Styles
	c := p.contact
	w := max(p.width, 20)
	now := p.c.Now()
	var lines []string
	add := func(s string) { lines = append(lines, common.TruncateCells(s, w)) }
	stage := c.CurrentStage()
	add(st.Title.Render(safetext.Line(c.Name)) + st.Subtitle.Render(common.SubtitleSuffix(c)))
	step := "nothing to do"
	if p.loaded {
		if s := p.nextStep(); s.Kind != model.StepNone {
			step = common.StepText(s, now, p.c.Hours.Cycle())
			if s.Overdue {
				step = st.Overdue.Render(step)
			}
		}
	}
	add(st.StageStyle(stage).Render(string(stage)) + st.Muted.Render(" · next: ") + step)
	if p.deleting {
		for _, l := range common.WrapWords(c.Name+" is deleted when you leave this page: u undoes.", w) {
			lines = append(lines, st.Error.Render(l))
		}
	}
	return strings.Join(lines, "\n")
}

// render lays out the page below the header and says on which lines the
// cursor and the marked timeline entry (-1: none) are.
func (p ContactPage) render() (lines []string, cursorLine, entryLine int) {
	entryLine = -1
	st := p.c.Styles
	c := p.contact
	w := max(p.width, 20)
	now := p.c.Now()
	add := func(s string) { lines = append(lines, common.TruncateCells(s, w)) }
	add("")
	label := func(name, v string) {
		if strings.TrimSpace(v) != "" {
			add(st.Label.Render(common.PadRight(name, 14)) + safetext.Line(strings.ReplaceAll(v, "\n", " ")))
		}
	}
	label("Field", c.Field)
	label("Career stage", string(c.CareerStage))
	label("Email", c.Email)
	label("Phone", c.Phone)
	label("Profile", c.ProfileURL)
	label("Location", c.Location)
	label("Found via", c.FoundVia)
	if c.ReferredBy == 0 && strings.TrimSpace(c.ReferrerName) != "" {
		label("Referred by", c.ReferrerName+" (no longer in your notebook)")
	}
	label("Tags", strings.Join(c.Tags, ", "))
	label("Permissions", fmt.Sprintf("mention their name: %s · contact again: %s",
		yesOrNo(c.MayMentionName), yesOrNo(c.MayContactAgain)))
	if n := strings.TrimSpace(c.Notes); n != "" {
		add(st.Label.Render("Research"))
		for _, l := range common.WrapWords(n, w-2) {
			add("  " + l)
		}
	}

	item := 0
	mark := func(s string) {
		if item == p.cursor {
			cursorLine = len(lines)
			add(st.Selected.Render("▸ " + s))
		} else {
			add("  " + s)
		}
		item++
	}
	if tree := p.referralTree(); len(tree) > 0 {
		add("")
		add(st.Focused.Render("Referrals"))
		names := map[uint64]model.Contact{}
		for _, o := range p.contacts {
			names[o.ID] = o
		}
		for _, n := range tree {
			o := names[n.id]
			text := strings.Repeat("  ", n.depth)
			if n.depth > 0 {
				text += "└ "
			}
			text += safetext.Line(o.Name) + st.Muted.Render(" · "+string(o.CurrentStage()))
			if n.id == c.ID {
				add("  " + text + st.Muted.Render("  (this contact)"))
				continue
			}
			mark(text)
		}
	}
	add("")
	add(st.Focused.Render("Interviews"))
	switch {
	case !p.loaded:
		add(st.Muted.Render("Loading…"))
	case len(p.interviews) == 0:
		add("None yet. p prepares one, s starts one now, i schedules one.")
	default:
		for _, iv := range p.interviews {
			mark(interviewSummary(iv, now, p.c))
			if t := strings.TrimSpace(iv.WrapUp.Takeaways); t != "" {
				add("    " + st.Muted.Render("takeaways: ") + safetext.Line(strings.ReplaceAll(t, "\n", " ")))
			}
		}
	}
	add("")
	add(st.Focused.Render("Timeline"))
	if len(p.timeline) == 0 {
		add(st.Muted.Render("Nothing logged yet. l logs a request, a reply, a call, a thank-you…"))
	}
	// "12 Jan 2026 15:04", or "12 Jan 2026 10:00 pm", and a space.
	whenWidth := 18
	if p.c.Hours.Cycle() == model.Hours12 {
		whenWidth = 21
	}
	for i := len(p.timeline) - 1; i >= 0; i-- {
		it := p.timeline[i]
		line := common.PadRight(it.At.In(now.Location()).Format("2 Jan 2006")+" "+p.c.TimeOfDay(it.At), whenWidth) + common.PadRight(string(it.Kind), 14)
		if it.Channel != "" {
			line += st.Muted.Render(safetext.Line(it.Channel) + " · ")
		}
		if it.ID == p.markEntry && it.ID != 0 {
			entryLine = len(lines)
		}
		mark(line + safetext.Line(strings.ReplaceAll(it.Text, "\n", " ")))
	}
	return lines, cursorLine, entryLine
}

// readerLines is one timeline entry in full: the exact text of a message
// as it was sent, wrapped but otherwise untouched.
func (p ContactPage) readerLines(it model.Interaction) []string {
	st := p.c.Styles
	w := max(p.width, 20)
	head := it.At.In(p.c.Now().Location()).Format("Monday 2 January 2006") + ", " + p.c.TimeOfDay(it.At) + " · " + string(it.Kind)
	if it.Channel != "" {
		head += " · " + safetext.Line(it.Channel)
	}
	lines := []string{st.Focused.Render(common.TruncateCells(head, w)), ""}
	if strings.TrimSpace(it.Text) == "" {
		return append(lines, st.Muted.Render("No text was kept with this entry."))
	}
	for _, para := range strings.Split(it.Text, "\n") {
		if strings.TrimSpace(para) == "" {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, common.WrapWords(para, w)...)
	}
	return lines
}

// bodyLines is what scrolls under the header: the page, or the entry
// being read.
func (p ContactPage) bodyLines() (lines []string, cursorLine, entryLine int) {
	if it, ok := p.readingEntry(); ok {
		return p.readerLines(it), 0, -1
	}
	return p.render()
}

// bodyRows is the room under the header and above the position line.
func (p ContactPage) bodyRows() int {
	return max(p.height-lipgloss.Height(p.header())-1, 1)
}

// visibleFrom is the first body line shown: where the user scrolled to,
// or wherever keeps the cursor in view.
func (p ContactPage) visibleFrom() int {
	lines, cur, entry := p.bodyLines()
	return p.firstShown(len(lines), cur, entry)
}

// firstShown is visibleFrom for a body already laid out.
func (p ContactPage) firstShown(total, cur, entry int) int {
	rows := p.bodyRows()
	maxStart := max(total-rows, 0)
	if p.scroll == followEntry && entry >= 0 {
		return min(max(entry-rows/3, 0), maxStart)
	}
	if p.scroll >= 0 {
		return min(p.scroll, maxStart)
	}
	if cur < rows {
		return 0
	}
	return min(cur-rows/2, maxStart)
}

func (p ContactPage) View() string {
	lines, cur, entry := p.bodyLines()
	vp := viewport.New(max(p.width, 1), p.bodyRows())
	vp.SetContent(strings.Join(lines, "\n"))
	vp.SetYOffset(p.firstShown(len(lines), cur, entry))
	return p.header() + "\n" + vp.View() + "\n" + p.positionLine(vp, len(lines))
}

// positionLine says where the view is in a page taller than the screen,
// so what is below is never a surprise.
func (p ContactPage) positionLine(vp viewport.Model, total int) string {
	st := p.c.Styles
	if total <= vp.Height {
		if _, ok := p.readingEntry(); ok {
			return st.Muted.Render("esc closes the entry")
		}
		return ""
	}
	first, last := vp.YOffset+1, min(vp.YOffset+vp.Height, total)
	more := ""
	switch {
	case vp.AtBottom():
		more = " · end"
	case vp.YOffset == 0:
		more = " · more below (↓, pgdn)"
	default:
		more = " · more below"
	}
	return st.Muted.Render(common.TruncateCells(fmt.Sprintf("lines %d–%d of %d%s", first, last, total, more), max(p.width, 1)))
}

func yesOrNo(b bool) string {
	if b {
		return "yes"
	}
	return "not asked"
}

// interviewSummary is one line about an interview: when, how long, how
// many questions were covered.
func interviewSummary(iv model.Interview, now time.Time, c *common.Common) string {
	when := iv.Created
	switch {
	case !iv.Clock.StartedAt.IsZero():
		when = iv.Clock.StartedAt
	case iv.Scheduled != nil:
		when = iv.Scheduled.At
	}
	took := iv.Elapsed(now)
	if iv.WrapUp.Length > 0 {
		took = iv.WrapUp.Length // as recorded, or corrected, in the wrap-up
	}
	length := fmt.Sprintf("%s of %s", model.FormatClock(took), model.FormatClock(iv.Budget))
	state := iv.Clock.State().String()
	if iv.Clock.State() == model.NotStarted && iv.Scheduled != nil {
		length = fmt.Sprintf("%d min asked", int(iv.Scheduled.Budget().Minutes()))
		state = "scheduled, " + string(iv.Scheduled.Mode)
		if iv.Scheduled.Place != "" {
			state += " · " + safetext.Line(iv.Scheduled.Place)
		}
	}
	if iv.NotHeld != "" {
		length, state = "not held", string(iv.NotHeld)
	}
	return fmt.Sprintf("%s · %s · %d/%d questions covered · %s",
		when.In(now.Location()).Format("Mon 2 Jan 2006")+" "+c.TimeOfDay(when), length, iv.AskedCount(), len(iv.Questions), state)
}
