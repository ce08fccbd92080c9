package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"parley/chart"
	"parley/model"
	"parley/questions"
	"parley/ui/safetext"
)

// statsTopQuestions is how many starred questions `parley stats` lists.
const statsTopQuestions = 5

func newStatsCmd(app *cli) *cobra.Command {
	var ascii bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Print your progress: conversations a week against the goal, the funnel, and more",
		Long: `Print progress at a glance, the lines of Parley's progress screen: conversations
held each week against your weekly goal (a sparkline of ten weeks), the funnel
from asking to thanking with the reply rate, the days from a request to the
conversation, referrals per conversation, how often interviews ran over the time
asked for, and the questions whose answers earned the most stars.

It only reads the notebook. The chart uses block characters, or ASCII with
--ascii or on the Linux console (TERM=linux).`,
		Example: `  parley stats
  parley stats --ascii`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g := chart.Blocks
			if ascii || os.Getenv("TERM") == "linux" {
				g = chart.ASCII
			}
			return app.printStats(g)
		},
	}
	cmd.Flags().BoolVar(&ascii, "ascii", false, "draw the chart with ASCII characters only")
	return cmd
}

// printStats reads the notebook once and prints the progress lines.
func (app *cli) printStats(g chart.Glyphs) error {
	s, err := app.openForReading()
	if err != nil {
		return err
	}
	defer s.Close()
	ov, err := s.Overview()
	if err != nil {
		return err
	}
	counts, err := s.QuestionStats()
	if err != nil {
		return err
	}
	bank, err := s.QuestionBank()
	if err != nil {
		return err
	}
	p := model.ProgressAt(app.now(), model.ProgressWeeks, ov.Contacts, ov.Interviews, ov.Interactions, ov.Settings)
	lines := chart.ProgressLines(p, textWidth, g)
	ranked := model.RankByStars(questions.Tallies(counts, questions.Bank(bank)))
	if len(ranked) > 0 {
		lines = append(lines, "Questions that earn starred answers:")
	}
	for _, q := range ranked[:min(len(ranked), statsTopQuestions)] {
		line := fmt.Sprintf("  ★ %d of %d  %s", q.Starred, q.Asked, safetext.Line(q.Text))
		if g == chart.ASCII {
			line = fmt.Sprintf("  * %d of %d  %s", q.Starred, q.Asked, safetext.Line(q.Text))
		}
		lines = append(lines, runewidth.Truncate(line, textWidth, "…"))
	}
	_, err = fmt.Fprintln(app.stdout, strings.Join(lines, "\n"))
	return err
}
