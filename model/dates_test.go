package model

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the test's zones, whatever the machine has

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

func TestParseWhen(t *testing.T) {
	for _, zone := range []string{"Europe/London", "Asia/Tokyo"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		// Monday 30 November 2026, 09:00 local.
		now := time.Date(2026, 11, 30, 9, 0, 17, 787762408, loc) // seconds that must not leak
		at := func(month time.Month, day, h, m int) time.Time { return time.Date(2026, month, day, h, m, 0, 0, loc) }
		for _, tc := range []struct {
			in       string
			want     time.Time
			dateOnly bool
			describe string
		}{
			{"tomorrow 3pm", at(12, 1, 15, 0), false, "Tue 1 Dec 2026 15:00 (tomorrow)"},
			{"Tomorrow  3PM ", at(12, 1, 15, 0), false, ""},
			{"next tue 10:00", at(12, 1, 10, 0), false, "Tue 1 Dec 2026 10:00 (tomorrow)"},
			{"fri", at(12, 4, 0, 0), true, "Fri 4 Dec 2026 (in 4 days)"},
			{"friday 14:30", at(12, 4, 14, 30), false, ""},
			{"monday", at(12, 7, 0, 0), true, ""},
			{"in 2 weeks", at(12, 14, 0, 0), true, "Mon 14 Dec 2026 (in 14 days)"},
			{"tomorrow", at(12, 1, 0, 0), true, ""},
			{"3pm", at(11, 30, 15, 0), false, "Mon 30 Nov 2026 15:00 (today)"},
			{"2026-12-03 14:30", at(12, 3, 14, 30), false, "Thu 3 Dec 2026 14:30 (in 3 days)"},
			{"2026-12-03T14:30", at(12, 3, 14, 30), false, ""},
			{"2026-12-03", at(12, 3, 0, 0), true, "Thu 3 Dec 2026 (in 3 days)"},
			{"dec 3 2pm", at(12, 3, 14, 0), false, ""},
			{"in 2 hours", at(11, 30, 11, 0), false, ""},
			{"2026-12-01 3pm", at(12, 1, 15, 0), false, ""},
			{"2026-12-01 3:30 pm", at(12, 1, 15, 30), false, ""},
		} {
			got, err := ParseWhen(tc.in, now)
			if err != nil || !got.At.Equal(tc.want) || got.DateOnly != tc.dateOnly || got.At.Location() != loc {
				t.Errorf("%s: %q = %v (date only %v), %v; want %v (date only %v)", zone, tc.in, got.At, got.DateOnly, err, tc.want, tc.dateOnly)
				continue
			}
			if tc.describe != "" && got.Describe(now, Hours24) != tc.describe {
				t.Errorf("%s: %q described as %q, want %q", zone, tc.in, got.Describe(now, Hours24), tc.describe)
			}
		}
		if got, _ := ParseWhen("tomorrow 3pm", now); got.Describe(now, Hours12) != "Tue 1 Dec 2026 3:00 pm (tomorrow)" {
			t.Errorf("%s: on a 12-hour clock: %q", zone, got.Describe(now, Hours12))
		}
		for in, want := range map[string]string{
			"":                 "a date is empty",
			"whenever":         `"whenever" is not a date`,
			"next friday at 9": `only "next friday" of "next friday at 9"`,
			"2026-13-45":       "",
			// Day first or month first depends on the writer: refused.
			"1/2":       "day first or month first",
			"1/12 3pm":  "day first or month first",
			"12/1/2026": "day first or month first",
			"fri 15/12": "day first or month first",
		} {
			if _, err := ParseWhen(in, now); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %q: %v, want an error with %q", zone, in, err, want)
			}
		}
	}
}

// A day is the user's day: across a clock change "tomorrow 3pm" is 15:00
// on the new side of it.
func TestParseWhenAcrossDaylightSaving(t *testing.T) {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 28, 20, 0, 0, 0, loc) // clocks go forward on the 29th
	got, err := ParseWhen("tomorrow 3pm", now)
	if want := time.Date(2026, 3, 29, 15, 0, 0, 0, loc); err != nil || !got.At.Equal(want) {
		t.Errorf("got %v, %v; want %v", got.At, err, want)
	}
}

// readRules reads exactly what when's own Parser reads, with the same
// rules, for phrases that read whole, in part, or not at all.
func TestReadRulesAgreesWithWhen(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 41, 7, 0, time.UTC)
	p := when.New(nil)
	p.Add(en.All...)
	p.Add(common.All...)
	for _, typed := range []string{
		"tomorrow 3pm", "tomorrow at 15:00", "next friday", "friday 10am", "in 3 days", "in 2 weeks",
		"today noon", "tonight", "monday morning", "next week", "3pm", "10:30", "dec 3", "3 december 2026",
		"12/24", "tomorrow 3pm please", "please tomorrow", "tmr 9am", "yesterday", "in an hour",
		"the day after tomorrow", "next month", "sat 2pm", "wednesday afternoon", "", "   ", "banana",
		"tomorrow tomorrow", "3pm tomorrow", "at 5 pm", "noon", "in 10 minutes", "2026-12-01 10:00",
	} {
		want, err := p.Parse(typed, now)
		at, read, ok := readRules(typed, now)
		switch {
		case err != nil || want == nil:
			if ok {
				t.Errorf("%q: when reads nothing, readRules reads %q as %v", typed, read, at)
			}
		case !ok:
			t.Errorf("%q: when reads %q as %v, readRules nothing", typed, want.Text, want.Time)
		case !at.Equal(want.Time) || read != want.Text:
			t.Errorf("%q: when reads %q at %d as %v, readRules %q as %v", typed, want.Text, want.Index, want.Time, read, at)
		}
	}
}
