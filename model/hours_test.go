package model

import (
	"testing"
	"time"
)

func TestHoursOfLocale(t *testing.T) {
	for _, tc := range []struct {
		name                string
		lcAll, lcTime, lang string
		want                HourCycle
	}{
		{"nothing set", "", "", "", Hours24},
		{"C", "", "", "C", Hours24},
		{"POSIX", "", "", "POSIX", Hours24},
		{"C.UTF-8", "", "", "C.UTF-8", Hours24},
		{"en_US", "", "", "en_US.UTF-8", Hours12},
		{"en_GB", "", "", "en_GB.UTF-8", Hours24},
		{"en_IE", "", "", "en_IE.UTF-8", Hours24},
		{"en alone", "", "", "en", Hours12},
		{"en-US spelling", "", "", "en-US", Hours12},
		{"en_CA", "", "", "en_CA.UTF-8", Hours12},
		{"fr_CA", "", "", "fr_CA.UTF-8", Hours24},
		{"de_DE@euro", "", "", "de_DE@euro", Hours24},
		{"ja_JP", "", "", "ja_JP.UTF-8", Hours24},
		{"ko_KR", "", "", "ko_KR.UTF-8", Hours12},
		{"ar_EG", "", "", "ar_EG.UTF-8", Hours12},
		{"hi_IN", "", "", "hi_IN", Hours12},
		{"zh_TW", "", "", "zh_TW.UTF-8", Hours12},
		{"zh_CN", "", "", "zh_CN.UTF-8", Hours24},
		{"es_US", "", "", "es_US.UTF-8", Hours12},
		{"es_ES", "", "", "es_ES.UTF-8", Hours24},
		{"LC_TIME over LANG", "", "en_GB.UTF-8", "en_US.UTF-8", Hours24},
		{"LC_TIME over LANG, other way", "", "en_US.UTF-8", "de_DE.UTF-8", Hours12},
		{"LC_ALL over LC_TIME", "de_DE.UTF-8", "en_US.UTF-8", "en_US.UTF-8", Hours24},
		{"LC_ALL over LANG", "en_US.UTF-8", "", "fr_FR.UTF-8", Hours12},
		{"garbage", "", "", "../../etc/passwd", Hours24},
	} {
		env := map[string]string{"LC_ALL": tc.lcAll, "LC_TIME": tc.lcTime, "LANG": tc.lang}
		if got := HoursOfLocale(func(k string) string { return env[k] }); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestHourCycle(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 12, 4, h, m, 0, 0, time.UTC) }
	for _, tc := range []struct {
		h    HourCycle
		t    time.Time
		want string
	}{
		{Hours24, at(15, 0), "15:00"},
		{Hours24, at(9, 5), "09:05"},
		{Hours24, at(0, 0), "00:00"},
		{Hours12, at(15, 0), "3:00 pm"},
		{Hours12, at(9, 5), "9:05 am"},
		{Hours12, at(0, 0), "12:00 am"},
		{Hours12, at(12, 30), "12:30 pm"},
	} {
		if got := tc.h.TimeOfDay(tc.t); got != tc.want {
			t.Errorf("%q: %v = %q, want %q", tc.h, tc.t, got, tc.want)
		}
	}
	if HoursFromLocale.Or(Hours12) != Hours12 || Hours24.Or(Hours12) != Hours24 || HourCycle("13").Or(Hours24) != Hours24 {
		t.Error("Or: a choice wins, the locale's fallback otherwise")
	}
}
