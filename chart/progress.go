package chart

import (
	"fmt"
	"math"

	"time"

	"github.com/mattn/go-runewidth"

	"parley/model"
)

// ProgressLines writes p as a few plain lines, each at most width cells:
// the weekly rhythm as a sparkline against the goal, the funnel, the days
// from request to conversation, referrals, and lengths against budgets. A
// screen and the command line print the same lines.
func ProgressLines(p model.Progress, width int, g Glyphs) []string {
	var lines []string
	held := make([]int, len(p.Weeks))
	for i, w := range p.Weeks {
		held[i] = w.Held
	}
	lines = append(lines, rhythmLine(held, p.Goal, p.Streak, width, g))

	f := p.Funnel
	arrow := " → "
	if g == ASCII {
		arrow = " -> "
	}
	funnel := fmt.Sprintf("Asked %d%sreplied %d%sheld %d%sthanked %d", f.Asked, arrow, f.Replied, arrow, f.Held, arrow, f.Thanked)
	if r, ok := f.ReplyRate(); ok {
		funnel += fmt.Sprintf(" (%d%% replied)", int(math.Round(r*100)))
	}
	lines = append(lines, funnel)

	if d := p.RequestToTalk; d.Count > 0 {
		lines = append(lines, fmt.Sprintf("Request to conversation: median %s (%d to %d, %s)",
			plural(d.Median, "day"), d.Min, d.Max, count(d.Count, "contact")))
	}
	if r, ok := p.ReferralsPerConversation(); ok {
		lines = append(lines, fmt.Sprintf("Referrals: %.1f a conversation (%d named, %d added as contacts)",
			r, p.Referrals, p.ReferralsAdded))
	}
	if l := p.Length; l.Timed > 0 {
		s := fmt.Sprintf("Over budget: %d of %d", l.Over, l.Timed)
		if l.Over > 0 {
			s += fmt.Sprintf(", by %s on average (at most %s)", minutes(l.MeanOver), minutes(l.MaxOver))
		}
		lines = append(lines, s)
	}
	for i, l := range lines {
		lines[i] = fit(l, width, g)
	}
	return lines
}

// rhythmLine is the weekly sparkline with its words, the longest wording
// that leaves the sparkline all its weeks.
func rhythmLine(held []int, goal, streak, width int, g Glyphs) string {
	this := 0
	if len(held) > 0 {
		this = held[len(held)-1]
	}
	long := fmt.Sprintf("Conversations a week (goal %d): ", goal)
	short := fmt.Sprintf("Weekly (goal %d): ", goal)
	tail := fmt.Sprintf(" %d this week", this)
	streakTail := tail
	if streak > 1 {
		streakTail += fmt.Sprintf(", goal met %d weeks running", streak)
	}
	var head string
	for _, c := range [][2]string{{long, streakTail}, {long, tail}, {short, tail}, {short, ""}} {
		head, tail = c[0], c[1]
		if width-runewidth.StringWidth(head+tail) >= len(held) {
			break
		}
	}
	room := width - runewidth.StringWidth(head+tail)
	return head + Sparkline(held, goal, room, g) + tail
}

// fit cuts s to width cells, marking the cut when there is room for it.
func fit(s string, width int, g Glyphs) string {
	mark := "…"
	if g == ASCII {
		mark = "..."
	}
	if width < runewidth.StringWidth(mark)+1 {
		mark = ""
	}
	return runewidth.Truncate(s, max(width, 0), mark)
}

// plural writes a number of units, whole or to a half.
func plural(n float64, unit string) string {
	s := fmt.Sprintf("%g %s", n, unit)
	if n != 1 {
		s += "s"
	}
	return s
}

func count(n int, unit string) string { return plural(float64(n), unit) }

// minutes writes a duration in whole minutes, at least one.
func minutes(d time.Duration) string {
	return fmt.Sprintf("%d min", max(int(d.Round(time.Minute)/time.Minute), 1))
}
