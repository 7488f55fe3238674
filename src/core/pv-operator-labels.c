/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-enums.h"
#include "pv-iso-codes.h"
#include "pv-operator-labels.h"

/**
 * pv_operator_region_label:
 *
 * Returns: the region in the user's language when it is one the
 *   catalogue is known to use; otherwise as the service wrote it
 */
const char *
pv_operator_region_label (const char *region)
{
  static const char *const known[] = {
    NC_("region", "Europe"),
    NC_("region", "Middle East and Africa"),
    NC_("region", "North America"),
    NC_("region", "Latin America"),
    NC_("region", "Asia Pacific"),
  };

  for (guint i = 0; region != NULL && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (region, known[i]))
      return g_dpgettext2 (GETTEXT_PACKAGE, "region", known[i]);

  return region;
}

/**
 * pv_operator_dup_regions_label:
 *
 * Returns: (transfer full): the regions @operator_ serves, in the user's
 *   language, in the catalogue's order
 */
char *
pv_operator_dup_regions_label (PvOperator *operator_)
{
  const char * const *regions;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (PV_IS_OPERATOR (operator_), NULL);

  regions = pv_operator_get_regions (operator_);
  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, pv_operator_region_label (regions[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pv_operator_dup_services_label:
 * @operator_: (nullable): an operator
 *
 * Returns: (transfer full): the services @operator_ offers, translated;
 *   empty when it offers none or there is no operator
 */
char *
pv_operator_dup_services_label (PvOperator *operator_)
{
  /* In the order of the Teams admin center's columns. */
  static const PvOperatorServices all[] = {
    PV_OPERATOR_SERVICE_CALLING,
    PV_OPERATOR_SERVICE_AUDIO_CONFERENCING,
    PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (operator_ == NULL || PV_IS_OPERATOR (operator_), NULL);

  for (guint i = 0; operator_ != NULL && i < G_N_ELEMENTS (all); i++)
    {
      if (!(pv_operator_get_services (operator_) & all[i]))
        continue;
      if (text->len > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, pv_enum_get_label (PV_TYPE_OPERATOR_SERVICES, all[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pv_operator_dup_countries_label:
 *
 * Returns: (transfer full): the countries @operator_ serves, named in
 *   the user's language; a code iso-codes does not know stays a code
 */
char *
pv_operator_dup_countries_label (PvOperator *operator_)
{
  const char * const *codes;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (PV_IS_OPERATOR (operator_), NULL);

  codes = pv_operator_get_countries (operator_);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *name = pv_iso_codes_get_country_name (codes[i]);

      if (i > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, name != NULL ? name : codes[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pv_operator_dup_unavailable_reason:
 * @status: its status in the tenant, which already has it
 *
 * Returns: (transfer full): why @operator_, one the tenant already has,
 *   cannot be chosen again, a translated sentence saying where to change
 *   it instead
 */
char *
pv_operator_dup_unavailable_reason (PvOperator       *operator_,
                                    PvOperatorStatus  status)
{
  g_return_val_if_fail (PV_IS_OPERATOR (operator_), NULL);

  if (status == PV_OPERATOR_STATUS_SUSPENDED)
    /* Translators: %s is an operator name. */
    return g_strdup_printf (_("%s is already one of your operators, suspended. Resume it or "
                              "change its countries under My operators."),
                            pv_operator_get_name (operator_));

  /* Translators: %s is an operator name. */
  return g_strdup_printf (_("%s is already one of your operators. Change its countries under "
                            "My operators."),
                          pv_operator_get_name (operator_));
}
