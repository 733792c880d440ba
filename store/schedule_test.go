package store_test

import (
	"testing"
	"time"

	"github.com/elecsec/elecsec/store"
)

func TestParseAt(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"09:00", "09:00"}, {"9:05", "09:05"}, {" 23:59 ", "23:59"}, {"00:00", "00:00"},
		{"24:00", ""}, {"9", ""}, {"09:5", ""}, {"09:60", ""}, {"-1:00", ""}, {"+9:00", ""}, {"9am", ""}, {"", ""}, {"123:00", ""},
	} {
		got, err := store.ParseAt(tt.in)
		if tt.want == "" && err == nil {
			t.Errorf("ParseAt(%q) = %q; want an error", tt.in, got)
		} else if tt.want != "" && (err != nil || got != tt.want) {
			t.Errorf("ParseAt(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestLoadZone(t *testing.T) {
	for _, name := range []string{"America/New_York", "UTC", "Europe/Berlin", "Asia/Kolkata"} {
		if _, err := store.LoadZone(name); err != nil {
			t.Errorf("LoadZone(%q) = %v", name, err)
		}
	}
	for _, name := range []string{"", "Local", "Mars/Olympus", "EST5EDT,M3"} {
		if _, err := store.LoadZone(name); err == nil {
			t.Errorf("LoadZone(%q) = nil error; want one", name)
		}
	}
}

func TestDue(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(s string) store.Subscription {
		return store.Subscription{ChannelID: "C1", At: s, Zone: "America/New_York", CreatedAt: created}
	}
	for _, tt := range []struct {
		name     string
		sub      store.Subscription
		now      time.Time
		wantDate string
		wantDue  bool
	}{
		{"before", at("09:00"), time.Date(2026, 3, 2, 8, 59, 0, 0, ny), "2026-03-02", false},
		{"at", at("09:00"), time.Date(2026, 3, 2, 9, 0, 0, 0, ny), "2026-03-02", true},
		{"late evening", at("09:00"), time.Date(2026, 3, 2, 23, 59, 0, 0, ny), "2026-03-02", true},
		{"local date, not UTC's", at("21:00"), time.Date(2026, 3, 3, 2, 30, 0, 0, time.UTC), "2026-03-02", true},
		// 2026-03-08: clocks go from 02:00 EST to 03:00 EDT; 02:30 is due at 03:30 EDT.
		{"spring forward, at 01:59 EST", at("02:30"), time.Date(2026, 3, 8, 6, 59, 0, 0, time.UTC), "2026-03-08", false},
		{"spring forward, at 03:29 EDT", at("02:30"), time.Date(2026, 3, 8, 7, 29, 0, 0, time.UTC), "2026-03-08", false},
		{"spring forward, at 03:30 EDT", at("02:30"), time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC), "2026-03-08", true},
		{"spring forward, 03:30 itself", at("03:30"), time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC), "2026-03-08", true},
		// 2026-11-01: 01:00–02:00 happens twice; 01:30 is due at the first, EDT.
		{"fall back, first 01:29", at("01:30"), time.Date(2026, 11, 1, 5, 29, 0, 0, time.UTC), "2026-11-01", false},
		{"fall back, first 01:30", at("01:30"), time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC), "2026-11-01", true},
		{"fall back, second 01:30", at("01:30"), time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC), "2026-11-01", true},
		{"subscribed after today's time", store.Subscription{At: "09:00", Zone: "UTC", CreatedAt: time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)},
			time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC), "2026-03-02", false},
		{"subscribed before today's time", store.Subscription{At: "09:00", Zone: "UTC", CreatedAt: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)},
			time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC), "2026-03-02", true},
	} {
		date, due, err := tt.sub.Due(tt.now)
		if err != nil || date != tt.wantDate || due != tt.wantDue {
			t.Errorf("%s: Due(%v) = %s, %v, %v; want %s, %v", tt.name, tt.now, date, due, err, tt.wantDate, tt.wantDue)
		}
	}
}

func TestNext(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	sub := store.Subscription{At: "02:30", Zone: "America/New_York", CreatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, tt := range []struct{ now, want time.Time }{
		{time.Date(2026, 3, 7, 12, 0, 0, 0, ny), time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC)}, // 03:30 EDT
		{time.Date(2026, 3, 8, 4, 0, 0, 0, ny), time.Date(2026, 3, 9, 2, 30, 0, 0, ny)},
		{time.Date(2026, 1, 31, 3, 0, 0, 0, ny), time.Date(2026, 2, 1, 2, 30, 0, 0, ny)}, // month end
	} {
		if got, err := sub.Next(tt.now); err != nil || !got.Equal(tt.want) {
			t.Errorf("Next(%v) = %v, %v; want %v", tt.now, got, err, tt.want)
		}
	}
	late := store.Subscription{At: "09:00", Zone: "UTC", CreatedAt: time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)}
	if got, _ := late.Next(late.CreatedAt); !got.Equal(time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("Next right after subscribing at 15:00 for 09:00 = %v; want tomorrow 09:00", got)
	}
}
