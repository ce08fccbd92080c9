// Package ics writes a notebook's calendar as iCalendar (RFC 5545), on
// github.com/emersion/go-ical: scheduled interviews as events, with their
// place or link and length, and due follow-ups as all-day items.
package ics

import (
	"fmt"
	"io"
	"sort"
	"time"

	goical "github.com/emersion/go-ical"

	"parley/model"
)

// ProductID names Parley as the calendar's maker.
const ProductID = "-//Parley//Parley notebook//EN"

// Write writes the calendar of a notebook at now. Interview times are
// written in UTC (…Z), so the file means the same instant on every
// machine and any calendar shows it in its own zone; follow-ups are dates
// (VALUE=DATE), the day they fall due where the notebook is used. Each
// item has a UID stable across exports, so importing a newer file updates
// items rather than doubling them.
func Write(w io.Writer, now time.Time, contacts []model.Contact, interviews []model.Interview,
	interactions []model.Interaction, rules model.Settings) error {
	cal := goical.NewCalendar()
	cal.Props.SetText(goical.PropVersion, "2.0")
	cal.Props.SetText(goical.PropProductID, ProductID)
	names := map[uint64]model.Contact{}
	for _, c := range contacts {
		names[c.ID] = c
	}
	stamp := now.UTC().Truncate(time.Second)
	for _, iv := range interviews {
		s := iv.Scheduled
		if s == nil || s.At.IsZero() {
			continue
		}
		c := names[iv.ContactID]
		ev := goical.NewEvent()
		ev.Props.SetText(goical.PropUID, fmt.Sprintf("interview-%d@parley", iv.ID))
		ev.Props.SetDateTime(goical.PropDateTimeStamp, stamp)
		ev.Props.SetDateTime(goical.PropDateTimeStart, s.At.UTC())
		length := s.Length
		if length == 0 {
			length = model.DefaultBudget
		}
		ev.Props.SetDateTime(goical.PropDateTimeEnd, s.At.Add(length).UTC())
		ev.Props.SetText(goical.PropSummary, "Informational interview: "+c.Name)
		desc := fmt.Sprintf("%s, %d min.", s.Mode, int(length.Round(time.Minute)/time.Minute))
		if sub := c.Subtitle(); sub != "" {
			desc = sub + ". " + desc
		}
		ev.Props.SetText(goical.PropDescription, desc)
		if s.Place != "" {
			ev.Props.SetText(goical.PropLocation, s.Place)
		}
		cal.Children = append(cal.Children, ev.Component)
	}
	acts := model.Summarize(now, interviews, interactions)
	var due []followUp
	for _, c := range contacts {
		step := model.NextStep(now, c, acts[c.ID], rules)
		what := ""
		switch step.Kind {
		case model.StepThankYou:
			what = "Send a thank-you to "
		case model.StepFollowUp:
			what = "Follow up with "
		case model.StepKeepInTouch:
			what = "Keep in touch with "
		}
		if what != "" && !step.Due.IsZero() {
			due = append(due, followUp{c, what + c.Name, step.Kind, step.Due})
		}
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].at.Before(due[j].at) })
	for _, f := range due {
		ev := goical.NewEvent()
		ev.Props.SetText(goical.PropUID, fmt.Sprintf("follow-up-%d-%d@parley", f.contact.ID, f.kind))
		ev.Props.SetDateTime(goical.PropDateTimeStamp, stamp)
		ev.Props.SetDate(goical.PropDateTimeStart, f.at)
		ev.Props.SetDate(goical.PropDateTimeEnd, f.at.AddDate(0, 0, 1))
		ev.Props.SetText(goical.PropSummary, f.summary)
		ev.Props.SetText(goical.PropTransparency, "TRANSPARENT")
		cal.Children = append(cal.Children, ev.Component)
	}
	if len(cal.Children) == 0 {
		// The library refuses a calendar without items; an empty one is
		// still a valid answer.
		_, err := io.WriteString(w, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"+ProductID+"\r\nEND:VCALENDAR\r\n")
		return err
	}
	return goical.NewEncoder(w).Encode(cal)
}

type followUp struct {
	contact model.Contact
	summary string
	kind    model.StepKind
	at      time.Time
}
