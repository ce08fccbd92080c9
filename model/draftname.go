package model

import (
	"strings"
	"time"
	"unicode"
)

// DraftFileName is a file name for saving a draft when it cannot be copied,
// such as "parley-ana-ruiz-thank-you-2026-11-16.txt": it says whom and what
// at a glance and sorts by person. It holds only letters, digits and '-'.
func DraftFileName(contactName, templateID string, at time.Time) string {
	parts := []string{"parley"}
	for _, s := range []string{contactName, templateID} {
		if slug := slugify(s); slug != "" {
			parts = append(parts, slug)
		}
	}
	parts = append(parts, at.Format("2006-01-02"))
	return strings.Join(parts, "-") + ".txt"
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
