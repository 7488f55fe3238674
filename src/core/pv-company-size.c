/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-company-size.h"

typedef struct
{
  const char *label;
  int         value;
} SizeRange;

/* The contract takes a number of employees; the Teams admin center asks
 * for a range. A range is sent as its upper bound (the last one as its
 * lower bound), and shown back as the range it came from. */
/* Translators: ranges of a number of employees, kept short: they are
 * shown in a narrow list whose title says what they count. */
static const SizeRange size_ranges[] = {
  { NC_("company size", "1–50"), 50 },
  { NC_("company size", "51–250"), 250 },
  { NC_("company size", "251–1,000"), 1000 },
  { NC_("company size", "1,001–5,000"), 5000 },
  { NC_("company size", "5,001–10,000"), 10000 },
  { NC_("company size", "More than 10,000"), 10001 },
};

guint
pv_company_size_n_ranges (void)
{
  return G_N_ELEMENTS (size_ranges);
}

/**
 * pv_company_size_range_label:
 *
 * Returns: the range at @index as the user reads it, translated
 */
const char *
pv_company_size_range_label (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (size_ranges), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "company size", size_ranges[index].label);
}

/**
 * pv_company_size_range_value:
 *
 * Returns: the number of employees the service is sent for the range at
 *   @index
 */
int
pv_company_size_range_value (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (size_ranges), 0);

  return size_ranges[index].value;
}

/**
 * pv_company_size_find_range:
 *
 * Returns: the range that holds @company_size, or %G_MAXUINT when none
 *   was given
 */
guint
pv_company_size_find_range (int company_size)
{
  if (company_size <= 0)
    return G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (size_ranges) - 1; i++)
    if (company_size <= size_ranges[i].value)
      return i;

  return G_N_ELEMENTS (size_ranges) - 1;
}

/**
 * pv_company_size_label:
 *
 * Returns: (nullable): the range that holds @company_size as the user
 *   reads it, translated; %NULL when no size was given
 */
const char *
pv_company_size_label (int company_size)
{
  guint range = pv_company_size_find_range (company_size);

  return range != G_MAXUINT ? pv_company_size_range_label (range) : NULL;
}
