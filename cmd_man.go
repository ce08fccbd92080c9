package main

import (
	"fmt"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// manSections are the parts of the man page that are not about one
// command.
var manSections = [][2]string{
	{"Exit status", `0 when the command did what was asked; 1 for a mistake you can fix (a bad email, a missing or busy notebook; the message says which); 2 when parley was called wrongly (an unknown command or option, an option without its value, the wrong number of arguments). parley next exits 3 when nothing is due today.`},
	{"Files", `$XDG_DATA_HOME/parley/parley.db, else ~/.local/share/parley/parley.db: the notebook, readable by you alone. Changes that parley add made while the notebook was open elsewhere wait beside it in parley.db.spool/ until the notebook is next opened.`},
}

func newManCmd(app *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page (roff) to stdout",
		Long: `Print parley's manual page, made from its commands, to stdout. Install it with:

  parley man | gzip > ~/.local/share/man/man1/parley.1.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			plainUsage(cmd.Root())
			page, err := mcobra.NewManPage(1, cmd.Root())
			if err != nil {
				return fmt.Errorf("make the manual page: %w", err)
			}
			for _, s := range manSections {
				page = page.WithSection(s[0], s[1])
			}
			_, err = fmt.Fprint(app.stdout, page.Build(roff.NewDocument()))
			return err
		},
	}
}

// plainUsage takes the backquotes that name an option's value in --help
// out of the usage text, which the man page shows as written. It changes
// the tree, so it is for a process that prints the page and ends.
func plainUsage(cmd *cobra.Command) {
	unquote := func(f *pflag.Flag) { f.Usage = strings.ReplaceAll(f.Usage, "`", "") }
	cmd.Flags().VisitAll(unquote)
	cmd.PersistentFlags().VisitAll(unquote)
	for _, sub := range cmd.Commands() {
		plainUsage(sub)
	}
}
