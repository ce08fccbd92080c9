package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"parley/model"
)

// Exit status of `parley next` when nothing is due today (1 stays "error",
// 2 "bad usage").
const exitNothingDue = 3

// maxNextDays bounds --days: a year is more than any plan needs, and a
// bound keeps a typo from meaning "forever".
const maxNextDays = 366

func newNextCmd(app *cli) *cobra.Command {
	var asJSON bool
	var days int
	var on string
	cmd := &cobra.Command{
		Use:   "next",
		Short: "Print what is due: interviews, thank-yous, follow-ups, updates, referrals",
		Long: `Print what is due, like Parley's first screen: interviews today and in the
coming days, thank-you notes due and overdue, requests past the no-reply rule,
keep-in-touch updates due, and referrals not yet contacted.

It only reads the notebook. Nothing is printed when nothing is due. Times
are on the clock chosen in the settings (Times), else the locale's: 12-hour
("3:00 pm") for en_US and a few others, 24-hour ("15:00") for most, read
from LC_ALL, else LC_TIME, else LANG.

Exit status: 0 when something is due today (an interview today, under way or
missed, a thank-you due today or late, a follow-up, an update due, a referral
to contact), 3 when nothing is (even if something is coming), 1 for an error,
2 for bad usage. So a shell prompt or a cron job can run:

  parley next >/dev/null && echo "Parley: something to do today"`,
		Example: `  parley next
  parley next --days 14
  parley next --on fri
  parley next --json | jq '.interviews[].contact.name'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if days < 0 || days > maxNextDays {
				return usageErrorf(cmd, "--days is from 0 to %d", maxNextDays)
			}
			now := app.now()
			var asOf model.When
			if on != "" {
				w, err := model.ParseWhen(on, now)
				if err != nil {
					return fmt.Errorf("--on: %w", err)
				}
				asOf = w
			}
			report, err := app.dueReport(now, asOf, days)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(app.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if err := enc.Encode(report); err != nil {
					return err
				}
			} else if err := printDueText(app, report, describeAsOf(asOf, now, report.Hours)); err != nil {
				return err
			}
			if !report.DueToday {
				return exitStatus(exitNothingDue)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts instead of text")
	cmd.Flags().StringVar(&on, "on", "", "what is due as of another `day` (fri, next tue 10:00, 2026-12-03)")
	cmd.Flags().IntVar(&days, "days", model.UpcomingDays, "how many `days` after today to look ahead for interviews and updates")
	return cmd
}

// printDueText prints the report as text, under the day it is for when
// that is not now, so the user sees how --on was read.
func printDueText(app *cli, report dueReport, asOf string) error {
	text := report.text(textWidth)
	if asOf != "" {
		if text == "" {
			text = "Nothing is due.\n"
		}
		text = asOf + "\n\n" + text
	}
	_, err := fmt.Fprint(app.stdout, text)
	return err
}

// describeAsOf is the line that shows how --on was read, or "" without it.
func describeAsOf(on model.When, now time.Time, hours model.HourCycle) string {
	if on.At.IsZero() {
		return ""
	}
	return "As of " + on.Describe(now, hours)
}

// dueReport reads the notebook and builds what is due at now, or at on
// when it is set.
func (app *cli) dueReport(now time.Time, on model.When, days int) (dueReport, error) {
	if !on.At.IsZero() {
		now = on.At
	}
	s, err := app.openForReading()
	if err != nil {
		return dueReport{}, err
	}
	defer s.Close()
	// The read-only open holds a shared lock: no writer can change the
	// notebook between these two reads.
	nb, err := s.Snapshot()
	if err != nil {
		return dueReport{}, err
	}
	settings, err := s.Settings()
	if err != nil {
		return dueReport{}, err
	}
	report := buildDueReport(now, days, nb, settings)
	report.Hours = app.hours(settings)
	return report, nil
}

// textWidth is the width `parley next` fits its lines to.
const textWidth = 80
