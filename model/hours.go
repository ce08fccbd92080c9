package model

import (
	"strings"
	"time"
)

// HourCycle is how times of day are shown: on a 12-hour clock ("3:04 pm")
// or a 24-hour one ("15:04"). The settings keep the user's choice; the
// empty value follows the locale.
type HourCycle string

const (
	// HoursFromLocale follows LC_ALL, LC_TIME or LANG (see HoursOfLocale).
	HoursFromLocale HourCycle = ""
	Hours12         HourCycle = "12"
	Hours24         HourCycle = "24"
)

// HourCycles are the choices the settings offer, the locale's first.
func HourCycles() []HourCycle { return []HourCycle{HoursFromLocale, Hours12, Hours24} }

// Or is h, or fallback when h follows the locale (or is not a known cycle,
// as a damaged setting would be).
func (h HourCycle) Or(fallback HourCycle) HourCycle {
	if h == Hours12 || h == Hours24 {
		return h
	}
	return fallback
}

// TimeOfDay shows t's time of day, in t's location: "15:04", or "3:04 pm"
// on a 12-hour clock. Every time of day Parley shows goes through here, so
// the screens and `parley next` agree.
func (h HourCycle) TimeOfDay(t time.Time) string {
	if h == Hours12 {
		return t.Format("3:04 pm")
	}
	return t.Format("15:04")
}

// twelveHourLanguages use a 12-hour clock wherever they are spoken, and
// twelveHourLocales are the places of other languages that do (after
// CLDR's preferred hour format); "en" alone is CLDR's en_US. Every other
// locale, C and POSIX included, shows 24 hours: the unambiguous default.
var (
	twelveHourLanguages = map[string]bool{"ar": true, "bn": true, "fil": true, "hi": true, "ko": true, "ur": true}
	twelveHourLocales   = map[string]bool{"en": true, "en_us": true, "en_ca": true, "en_au": true,
		"en_nz": true, "en_in": true, "en_ph": true, "en_pk": true, "es_us": true, "zh_tw": true}
)

// HoursOfLocale is the hour cycle of the user's locale for times:
// LC_ALL, else LC_TIME, else LANG, the order POSIX gives them (LC_ALL
// overrides every category). getenv reads the environment.
func HoursOfLocale(getenv func(string) string) HourCycle {
	for _, name := range []string{"LC_ALL", "LC_TIME", "LANG"} {
		if v := getenv(name); v != "" {
			return hoursOf(v)
		}
	}
	return Hours24
}

// hoursOf reads a locale name such as "en_US.UTF-8", "de_DE@euro" or
// "en-US".
func hoursOf(locale string) HourCycle {
	name := strings.ToLower(locale)
	if i := strings.IndexAny(name, ".@"); i >= 0 {
		name = name[:i]
	}
	name = strings.ReplaceAll(name, "-", "_")
	lang, _, _ := strings.Cut(name, "_")
	if twelveHourLanguages[lang] || twelveHourLocales[name] {
		return Hours12
	}
	return Hours24
}
