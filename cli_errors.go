package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/ui/safetext"
)

// Exit statuses. 1 is always an error a user can fix (a bad email, a busy
// or missing notebook); 2 is a mistake in how parley was called.
const (
	exitError = 1
	exitUsage = 2
)

// usageError is a mistake in how parley was called: an unknown command or
// option, a missing value, the wrong number of arguments. It exits 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usageErrorf formats a usageError and points at the command's help.
func usageErrorf(cmd *cobra.Command, format string, a ...any) error {
	return usageError{fmt.Sprintf(format, a...) + fmt.Sprintf(" (see %s --help)", cmd.CommandPath())}
}

// exitStatus ends a command with a status and no message, for commands
// whose status is an answer (next: nothing is due).
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// reportError prints err as one line on stderr, made safe because it may
// quote user text (a name, a path), and returns the exit status for it.
func reportError(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var status exitStatus
	if errors.As(err, &status) {
		return int(status)
	}
	fmt.Fprintln(stderr, "parley:", safetext.Line(err.Error()))
	var usage usageError
	if errors.As(err, &usage) {
		return exitUsage
	}
	return exitError
}

// shorthandMisuse finds pflag's complaint about a Go-style single-dash
// long option such as -tag.
var shorthandMisuse = regexp.MustCompile(`^unknown shorthand flag: '.' in -([^ =]+)`)

// invalidValue is pflag's complaint about a value an option refused:
// the value, the option, and why.
var invalidValue = regexp.MustCompile(`^invalid argument (".*") for "(?:-., )?(--[^"]+)" flag: (.*)$`)

// flagError turns pflag's messages into ours, with the double-dash
// spelling people type. A value an option refuses (an empty tag) is the
// user's mistake; everything else is a usage mistake.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	if m := shorthandMisuse.FindStringSubmatch(msg); m != nil {
		if cmd.Flags().Lookup(m[1]) != nil {
			return usageErrorf(cmd, "options take two dashes: --%s", m[1])
		}
		return usageErrorf(cmd, "unknown option -%s", m[1])
	}
	if name, ok := strings.CutPrefix(msg, "unknown flag: "); ok {
		return usageErrorf(cmd, "unknown option %s (%s knows %s)", name, cmd.Name(), optionNames(cmd))
	}
	if name, ok := strings.CutPrefix(msg, "unknown shorthand flag: "); ok {
		return usageErrorf(cmd, "unknown option %s", strings.SplitN(name, " in ", 2)[0])
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		// pflag says "--org" for a long option, "'o' in -o" for a short one.
		if short, _, found := strings.Cut(strings.TrimPrefix(name, "'"), "'"); found {
			name = "-" + short
			if f := cmd.Flags().ShorthandLookup(short); f != nil {
				name = "--" + f.Name
			}
		}
		return usageErrorf(cmd, "%s needs a value", name)
	}
	if m := invalidValue.FindStringSubmatch(msg); m != nil {
		value, name, why := m[1], m[2], m[3]
		if strings.Contains(why, "ParseBool") {
			return usageErrorf(cmd, "%s takes true or false, not %s", name, value)
		}
		if strings.Contains(why, "strconv.") {
			return usageErrorf(cmd, "%s wants a number, not %s", name, value)
		}
		return errors.New(why)
	}
	return usageErrorf(cmd, "%s", msg)
}

// optionNames lists a command's own options for an error message.
func optionNames(cmd *cobra.Command) string {
	var names []string
	cmd.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "help" && !f.Hidden {
			names = append(names, "--"+f.Name)
		}
	})
	if len(names) == 0 {
		return "no options but --db"
	}
	return strings.Join(names, ", ")
}

// markUsageErrors makes every argument check in the tree, cobra's own
// included, a usageError, so a wrong number of arguments exits 2 and
// names the command's help.
func markUsageErrors(cmd *cobra.Command) {
	if check := cmd.Args; check != nil {
		cmd.Args = func(c *cobra.Command, args []string) error {
			err := check(c, args)
			var usage usageError
			if err == nil || errors.As(err, &usage) {
				return err
			}
			if strings.HasPrefix(err.Error(), "unknown command") {
				return unknownCommand(c, args[0])
			}
			return usageErrorf(c, "%s", err)
		}
	}
	for _, sub := range cmd.Commands() {
		markUsageErrors(sub)
	}
}

// unknownCommand says that name is not a command of cmd, suggesting the
// nearest ones.
func unknownCommand(cmd *cobra.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q", name)
	if !cmd.HasAvailableSubCommands() {
		msg = fmt.Sprintf("%s takes no arguments, got %q", cmd.CommandPath(), name)
	}
	if s := cmd.SuggestionsFor(name); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, " or ") + "?"
	}
	return usageErrorf(cmd, "%s", msg)
}

// newHelpCmd is `parley help [command]`, which unlike cobra's own fails
// with exit 2 for a command that does not exist.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var names []cobra.Completion
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				name := strings.Join(args, " ")
				if len(rest) > 0 {
					name = rest[0]
				}
				return usageError{fmt.Sprintf("no help for %q: there is no such command (see parley --help)", name)}
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}
