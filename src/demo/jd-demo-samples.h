/* jd-demo-samples.h: the sample values that generated rows (jd-demo-files.c)
 * and messages (jd-demo-messages.c) are drawn from. Static in each file
 * that includes it: the tables are small and index arithmetic on them must
 * give the same rows and messages in both.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

static const char *const regions[] = { "DACH", "Nordics", "Iberia", "Benelux", "UK & Ireland", "APAC" };
static const char *const cities[] = {
  "München", "Zürich", "Malmö", "São Paulo", "Kraków", "東京", "Köln", "Århus", "Sevilla", "Dublin", "Łódź", "大阪",
};
static const char *const categories[] = {
  "Outdoor & Garden", "Home \"Essentials\"", "Electronics", "Küche, Bad", "Toys", "Sports",
};
static const char *const products[] = {
  "Schraube M6, verzinkt", "Gartenschlauch 25 m", "USB-C cable 2 m", "Ceramic mug \"Nordic\"", "Akku-Bohrer 18 V",
  "LED bulb E27 (warm white)", "Kaffeebohnen 1 kg", "保存容器セット", "Yoga mat, 6 mm", "Mähroboter Pro",
};
static const char *const warehouses[] = { "Lager Süd", "DC Rotterdam", "Warehouse North", "倉庫 大阪" };
static const char *const tools[] = {
  "Input Data", "Select", "Filter", "Formula", "Join", "Summarize", "Sort", "Unique", "Cross Tab",
  "Multi-Row Formula", "Data Cleansing", "Union", "Output Data", "Browse",
};


G_END_DECLS
