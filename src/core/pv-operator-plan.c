/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pv-company-size.h"
#include "pv-iso-codes.h"
#include "pv-operator-labels.h"
#include "pv-operator-plan.h"
#include "pv-validate.h"

/* The state of the Connect an Operator flow, in the order of the Teams
 * admin center: operator, countries it serves, contact details (company
 * size required, phone optional), data transfer notice, review; and the
 * operators the tenant already has, which cannot be chosen again. */

G_DEFINE_QUARK (pv-operator-plan-error-quark, pv_operator_plan_error)

struct _PvOperatorPlan
{
  GObject parent_instance;

  PvOperator *operator_;
  GListStore *available;
  GListStore *countries;
  PvContactDetails *contact;
  gboolean notice_accepted;
  GHashTable *tenant_status;   /* operator id → PvOperatorStatus */
};

G_DEFINE_FINAL_TYPE (PvOperatorPlan, pv_operator_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OPERATOR,
  PROP_AVAILABLE_COUNTRIES,
  PROP_COUNTRIES,
  PROP_CONTACT,
  PROP_NOTICE_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (PvOperatorPlan *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_contact_notify (PvContactDetails *contact,
                   GParamSpec       *pspec,
                   PvOperatorPlan   *self)
{
  emit_changed (self);
}

static void on_operator_countries (PvOperator     *operator_,
                                   GParamSpec     *pspec,
                                   PvOperatorPlan *self);

static void
pv_operator_plan_dispose (GObject *object)
{
  PvOperatorPlan *self = (PvOperatorPlan *) object;

  if (self->contact != NULL)
    g_signal_handlers_disconnect_by_func (self->contact, on_contact_notify, self);
  if (self->operator_ != NULL)
    g_signal_handlers_disconnect_by_func (self->operator_, on_operator_countries, self);
  g_clear_object (&self->contact);
  g_clear_object (&self->operator_);
  g_clear_object (&self->available);
  g_clear_object (&self->countries);

  G_OBJECT_CLASS (pv_operator_plan_parent_class)->dispose (object);
}

static void
pv_operator_plan_finalize (GObject *object)
{
  PvOperatorPlan *self = (PvOperatorPlan *) object;

  g_clear_pointer (&self->tenant_status, g_hash_table_unref);

  G_OBJECT_CLASS (pv_operator_plan_parent_class)->finalize (object);
}

static void
pv_operator_plan_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PvOperatorPlan *self = PV_OPERATOR_PLAN (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      g_value_set_object (value, self->operator_);
      break;

    case PROP_AVAILABLE_COUNTRIES:
      g_value_set_object (value, self->available);
      break;

    case PROP_COUNTRIES:
      g_value_set_object (value, self->countries);
      break;

    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;

    case PROP_NOTICE_ACCEPTED:
      g_value_set_boolean (value, self->notice_accepted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_operator_plan_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PvOperatorPlan *self = PV_OPERATOR_PLAN (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      pv_operator_plan_set_operator (self, g_value_get_object (value));
      break;

    case PROP_NOTICE_ACCEPTED:
      pv_operator_plan_set_notice_accepted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_operator_plan_class_init (PvOperatorPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pv_operator_plan_dispose;
  object_class->finalize = pv_operator_plan_finalize;
  object_class->get_property = pv_operator_plan_get_property;
  object_class->set_property = pv_operator_plan_set_property;

  properties[PROP_OPERATOR] =
    g_param_spec_object ("operator", NULL, NULL,
                         PV_TYPE_OPERATOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The countries the operator serves, PvCountry sorted by name in the
   * user's language; the only ones that can be selected. */
  properties[PROP_AVAILABLE_COUNTRIES] =
    g_param_spec_object ("available-countries", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* The selected countries, PvCountry. */
  properties[PROP_COUNTRIES] =
    g_param_spec_object ("countries", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         PV_TYPE_CONTACT_DETAILS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTICE_ACCEPTED] =
    g_param_spec_boolean ("notice-accepted", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PvOperatorPlan::changed:
   *
   * Emitted whenever a step status may have changed, including edits of
   * the contact details.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pv_operator_plan_init (PvOperatorPlan *self)
{
  self->available = g_list_store_new (PV_TYPE_COUNTRY);
  self->countries = g_list_store_new (PV_TYPE_COUNTRY);
  self->contact = pv_contact_details_new ();
  self->tenant_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self->contact, "notify", G_CALLBACK (on_contact_notify), self);
}

PvOperatorPlan *
pv_operator_plan_new (void)
{
  return g_object_new (PV_TYPE_OPERATOR_PLAN, NULL);
}

PvOperator *
pv_operator_plan_get_operator (PvOperatorPlan *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);
  return self->operator_;
}

static gboolean
serves (PvOperator *operator_,
        const char *code)
{
  const char * const *served;

  if (operator_ == NULL || code == NULL)
    return FALSE;
  served = pv_operator_get_countries (operator_);
  return served != NULL && g_strv_contains (served, code);
}

static int
compare_countries (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return pv_country_compare ((PvCountry *) a, (PvCountry *) b);
}

/* Keeps the selection to what the operator serves: after a change of
 * operator, the countries the new one also serves stay selected, so an
 * admin comparing two operators does not lose their choice. */
static void
refresh_countries (PvOperatorPlan *self)
{
  PvOperator *operator_ = self->operator_;
  const char * const *served;

  g_list_store_remove_all (self->available);
  served = operator_ != NULL ? pv_operator_get_countries (operator_) : NULL;
  for (guint i = 0; served != NULL && served[i] != NULL; i++)
    {
      g_autoptr(PvCountry) country = NULL;

      /* An operator listing a code iso-codes does not know is a data
       * error upstream; offering an unnamed row would not help anyone. */
      if (!pv_iso_codes_is_country (served[i]))
        continue;
      country = pv_country_new (served[i]);
      g_list_store_insert_sorted (self->available, country, compare_countries, NULL);
    }

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->countries)); i > 0; i--)
    {
      g_autoptr(PvCountry) country = g_list_model_get_item (G_LIST_MODEL (self->countries), i - 1);

      if (!serves (operator_, pv_country_get_code (country)))
        g_list_store_remove (self->countries, i - 1);
    }
}

static void
on_operator_countries (PvOperator     *operator_,
                       GParamSpec     *pspec,
                       PvOperatorPlan *self)
{
  refresh_countries (self);
  emit_changed (self);
}

void
pv_operator_plan_set_operator (PvOperatorPlan *self,
                               PvOperator     *operator_)
{
  g_return_if_fail (PV_IS_OPERATOR_PLAN (self));
  g_return_if_fail (operator_ == NULL || PV_IS_OPERATOR (operator_));

  if (self->operator_ == operator_)
    return;

  if (self->operator_ != NULL)
    g_signal_handlers_disconnect_by_func (self->operator_, on_operator_countries, self);
  g_set_object (&self->operator_, operator_);
  if (operator_ != NULL)
    g_signal_connect (operator_, "notify::countries", G_CALLBACK (on_operator_countries), self);

  refresh_countries (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
  emit_changed (self);
}

GListModel *
pv_operator_plan_get_available_countries (PvOperatorPlan *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);
  return G_LIST_MODEL (self->available);
}

GListModel *
pv_operator_plan_get_countries (PvOperatorPlan *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);
  return G_LIST_MODEL (self->countries);
}

static gboolean
find_country (PvOperatorPlan *self,
              const char     *code,
              guint          *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->countries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvCountry) country = g_list_model_get_item (G_LIST_MODEL (self->countries), i);

      if (g_strcmp0 (pv_country_get_code (country), code) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
pv_operator_plan_has_country (PvOperatorPlan *self,
                              const char     *code)
{
  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), FALSE);
  return code != NULL && find_country (self, code, NULL);
}

/**
 * pv_operator_plan_select_country:
 * @code: an ISO 3166-1 alpha-2 code
 *
 * Returns: %FALSE with a #PV_OPERATOR_PLAN_ERROR when no operator is
 *   chosen or the operator does not serve the country
 */
gboolean
pv_operator_plan_select_country (PvOperatorPlan  *self,
                                 const char      *code,
                                 GError         **error)
{
  g_autoptr(PvCountry) country = NULL;

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), FALSE);

  if (self->operator_ == NULL)
    {
      g_set_error_literal (error, PV_OPERATOR_PLAN_ERROR, PV_OPERATOR_PLAN_ERROR_NO_OPERATOR,
                           _("Choose an operator before selecting countries."));
      return FALSE;
    }

  if (!serves (self->operator_, code) || !pv_iso_codes_is_country (code))
    {
      const char *name = code != NULL && g_utf8_validate (code, -1, NULL)
                         ? pv_iso_codes_get_country_name (code) : NULL;

      /* Translators: the first %s is a country name or code, the second an operator name. */
      g_set_error (error, PV_OPERATOR_PLAN_ERROR, PV_OPERATOR_PLAN_ERROR_NOT_SERVED,
                   _("%s is not among the countries %s serves; choose one from its list."),
                   name != NULL ? name
                                : (code != NULL && g_utf8_validate (code, -1, NULL) ? code : "?"),
                   pv_operator_get_name (self->operator_));
      return FALSE;
    }

  if (find_country (self, code, NULL))
    return TRUE;

  country = pv_country_new (code);
  g_list_store_insert_sorted (self->countries, country, compare_countries, NULL);
  emit_changed (self);
  return TRUE;
}

void
pv_operator_plan_unselect_country (PvOperatorPlan *self,
                                   const char     *code)
{
  guint position;

  g_return_if_fail (PV_IS_OPERATOR_PLAN (self));

  if (code == NULL || !find_country (self, code, &position))
    return;
  g_list_store_remove (self->countries, position);
  emit_changed (self);
}

/**
 * pv_operator_plan_get_contact:
 *
 * Returns: (transfer none): the contact details, edited in place by the
 *   contact page
 */
PvContactDetails *
pv_operator_plan_get_contact (PvOperatorPlan *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);
  return self->contact;
}

/* The signed-in admin's name and e-mail are shared by default, as the
 * Teams admin center does; what the user already typed is kept. */
void
pv_operator_plan_prefill_contact (PvOperatorPlan *self,
                                  const char     *full_name,
                                  const char     *email)
{
  const char *current;

  g_return_if_fail (PV_IS_OPERATOR_PLAN (self));

  current = pv_contact_details_get_full_name (self->contact);
  if (current == NULL || *current == '\0')
    pv_contact_details_set_full_name (self->contact, full_name);
  current = pv_contact_details_get_email (self->contact);
  if (current == NULL || *current == '\0')
    pv_contact_details_set_email (self->contact, email);
}

/**
 * pv_operator_plan_get_tenant_status:
 * @status: (out) (optional): the operator's status in the tenant
 *
 * Returns: whether the tenant already has @operator_id
 */
gboolean
pv_operator_plan_get_tenant_status (PvOperatorPlan   *self,
                                    const char       *operator_id,
                                    PvOperatorStatus *status)
{
  gpointer value;

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), FALSE);

  if (operator_id == NULL ||
      !g_hash_table_lookup_extended (self->tenant_status, operator_id, NULL, &value))
    return FALSE;

  if (status != NULL)
    *status = (PvOperatorStatus) GPOINTER_TO_INT (value);
  return TRUE;
}

/**
 * pv_operator_plan_set_tenant_status:
 * @has_operator: whether the tenant has @operator_id
 * @status: its status there, when it has it
 *
 * No step depends on it, so #PvOperatorPlan::changed is not emitted; the
 * flow that looked at the tenant says so itself.
 */
void
pv_operator_plan_set_tenant_status (PvOperatorPlan   *self,
                                    const char       *operator_id,
                                    gboolean          has_operator,
                                    PvOperatorStatus  status)
{
  g_return_if_fail (PV_IS_OPERATOR_PLAN (self));
  g_return_if_fail (operator_id != NULL);

  if (has_operator)
    g_hash_table_replace (self->tenant_status, g_strdup (operator_id), GINT_TO_POINTER (status));
  else
    g_hash_table_remove (self->tenant_status, operator_id);
}

/**
 * pv_operator_plan_set_tenant_operators:
 * @operators: (element-type PvTenantOperator): every operator the tenant
 *   has, as the service lists them
 *
 * Replaces what the plan knows of the tenant's operators: those removed
 * since the last look (under My operators, or elsewhere) are forgotten.
 */
void
pv_operator_plan_set_tenant_operators (PvOperatorPlan *self,
                                       GListModel     *operators)
{
  g_return_if_fail (PV_IS_OPERATOR_PLAN (self));
  g_return_if_fail (G_IS_LIST_MODEL (operators));

  g_hash_table_remove_all (self->tenant_status);
  for (guint i = 0; i < g_list_model_get_n_items (operators); i++)
    {
      g_autoptr(PvTenantOperator) tenant_operator = g_list_model_get_item (operators, i);
      const char *id = pv_tenant_operator_get_operator_id (tenant_operator);

      if (id != NULL)
        pv_operator_plan_set_tenant_status (self, id, TRUE,
                                            pv_tenant_operator_get_status (tenant_operator));
    }
}

/**
 * pv_operator_plan_dup_unavailable_reason:
 *
 * Returns: (transfer full) (nullable): why @operator_ cannot be chosen,
 *   a translated sentence; %NULL when it can
 */
char *
pv_operator_plan_dup_unavailable_reason (PvOperatorPlan *self,
                                         PvOperator     *operator_)
{
  PvOperatorStatus status;

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);
  g_return_val_if_fail (PV_IS_OPERATOR (operator_), NULL);

  if (!pv_operator_plan_get_tenant_status (self, pv_operator_get_id (operator_), &status))
    return NULL;

  return pv_operator_dup_unavailable_reason (operator_, status);
}

gboolean
pv_operator_plan_get_notice_accepted (PvOperatorPlan *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), FALSE);
  return self->notice_accepted;
}

void
pv_operator_plan_set_notice_accepted (PvOperatorPlan *self,
                                      gboolean        accepted)
{
  g_return_if_fail (PV_IS_OPERATOR_PLAN (self));

  accepted = !!accepted;
  if (self->notice_accepted == accepted)
    return;
  self->notice_accepted = accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE_ACCEPTED]);
  emit_changed (self);
}

/**
 * pv_operator_plan_dup_notice_text:
 *
 * Returns: (transfer full): the data transfer notice for the chosen
 *   operator, translated
 */
char *
pv_operator_plan_dup_notice_text (PvOperatorPlan *self)
{
  const char *name;

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);

  name = self->operator_ != NULL ? pv_operator_get_name (self->operator_) : NULL;
  if (name == NULL)
    return g_strdup (_("To provide the service, the operator receives your phone numbers and "
                       "any SIP URI, call details and call quality data, and emergency location "
                       "information."));

  /* Translators: %s is an operator name. */
  return g_strdup_printf (_("To provide the service, %s receives your phone numbers and any SIP "
                            "URI, call details and call quality data, and emergency location "
                            "information."), name);
}

static gboolean
incomplete (char **reason,
            char  *text)
{
  if (reason != NULL)
    *reason = text;
  else
    g_free (text);
  return FALSE;
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  while (g_ascii_isspace (*s))
    s++;
  return *s == '\0';
}

/**
 * pv_operator_plan_get_step_status:
 * @reason: (out) (optional) (nullable) (transfer full): why the step is
 *   not complete, a translated sentence; %NULL when it is
 */
gboolean
pv_operator_plan_get_step_status (PvOperatorPlan  *self,
                                  PvOperatorStep   step,
                                  char           **reason)
{
  g_autoptr(GError) error = NULL;
  const char *phone;

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), FALSE);

  if (reason != NULL)
    *reason = NULL;

  switch (step)
    {
    case PV_OPERATOR_STEP_CHOOSE_OPERATOR:
      if (self->operator_ == NULL)
        return incomplete (reason, g_strdup (_("Choose an operator from the list.")));
      return TRUE;

    case PV_OPERATOR_STEP_COUNTRIES:
      if (self->operator_ == NULL)
        return incomplete (reason, g_strdup (_("Choose an operator before selecting countries.")));
      if (g_list_model_get_n_items (G_LIST_MODEL (self->available)) == 0)
        return incomplete (reason,
                           /* Translators: %s is an operator name. */
                           g_strdup_printf (_("%s lists no country it serves; choose another "
                                              "operator."),
                                            pv_operator_get_name (self->operator_)));
      if (g_list_model_get_n_items (G_LIST_MODEL (self->countries)) == 0)
        return incomplete (reason,
                           /* Translators: %s is an operator name. */
                           g_strdup_printf (_("Select at least one country where %s will "
                                              "provide service."),
                                            pv_operator_get_name (self->operator_)));
      return TRUE;

    case PV_OPERATOR_STEP_CONTACT:
      if (is_blank (pv_contact_details_get_full_name (self->contact)))
        return incomplete (reason,
                           g_strdup (_("Enter the full name of the person the operator should "
                                       "contact.")));
      if (!pv_validate_email (pv_contact_details_get_email (self->contact), &error))
        return incomplete (reason, g_strdup (error->message));
      if (pv_contact_details_get_company_size (self->contact) <= 0)
        return incomplete (reason,
                           g_strdup (_("Enter the company size; the operator requires it.")));
      phone = pv_contact_details_get_phone (self->contact);
      if (!is_blank (phone) && !pv_validate_e164 (phone, &error))
        return incomplete (reason, g_strdup (error->message));
      return TRUE;

    case PV_OPERATOR_STEP_NOTICE:
      if (!self->notice_accepted)
        return incomplete (reason,
                           g_strdup (_("Accept the data transfer notice to add the operator.")));
      return TRUE;

    case PV_OPERATOR_STEP_REVIEW:
      for (PvOperatorStep s = PV_OPERATOR_STEP_CHOOSE_OPERATOR; s < PV_OPERATOR_STEP_REVIEW; s++)
        if (!pv_operator_plan_get_step_status (self, s, reason))
          return FALSE;
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
pv_operator_plan_is_complete (PvOperatorPlan  *self,
                              char           **reason)
{
  return pv_operator_plan_get_step_status (self, PV_OPERATOR_STEP_REVIEW, reason);
}

/**
 * pv_operator_plan_dup_country_names:
 * @with_codes: whether each name is followed by its ISO code
 *
 * Returns: (transfer full): the selected countries in the user's
 *   language, as a list in a sentence; empty when there are none
 */
char *
pv_operator_plan_dup_country_names (PvOperatorPlan *self,
                                    gboolean        with_codes)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->countries)); i++)
    {
      g_autoptr(PvCountry) country = g_list_model_get_item (G_LIST_MODEL (self->countries), i);

      if (i > 0)
        g_string_append (names, C_("list separator", ", "));
      if (with_codes)
        /* Translators: a country in a list: its name, then its ISO code. */
        g_string_append_printf (names, C_("country with code", "%s (%s)"),
                                pv_country_get_name (country), pv_country_get_code (country));
      else
        g_string_append (names, pv_country_get_name (country));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * pv_operator_plan_dup_summary:
 *
 * Returns: (transfer full) (nullable): the sentence for the Review page,
 *   translated, with the country names in the user's language; %NULL
 *   until an operator and a country are chosen
 */
char *
pv_operator_plan_dup_summary (PvOperatorPlan *self)
{
  g_autofree char *names = NULL;
  guint n;

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->countries));
  if (self->operator_ == NULL || n == 0)
    return NULL;

  names = pv_operator_plan_dup_country_names (self, FALSE);
  /* Translators: the first %s is an operator name, the second a list of countries. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s will be added as your operator in this country: %s.",
                                       "%s will be added as your operator in these countries: %s.",
                                       n),
                          pv_operator_get_name (self->operator_), names);
}

/**
 * pv_operator_plan_dup_added_message:
 * @operator_name: the operator that was added
 *
 * Returns: (transfer full): what "Add as my operator" came to once the
 *   service took the plan, a translated sentence naming the countries
 *   with their codes
 */
char *
pv_operator_plan_dup_added_message (PvOperatorPlan *self,
                                    const char     *operator_name)
{
  g_autofree char *countries = NULL;

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);

  countries = pv_operator_plan_dup_country_names (self, TRUE);
  /* Translators: the first %s is an operator name, the second a list
   * of countries. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s is now your operator in this country: %s.",
                                       "%s is now your operator in these countries: %s.",
                                       g_list_model_get_n_items (G_LIST_MODEL (self->countries))),
                          operator_name != NULL ? operator_name : "", countries);
}

static const char *
or_empty (const char *value)
{
  return value != NULL ? value : "";
}

/* Each "label: value" of the note stays on its one line: a line break
 * in a name must not forge another line ("Tenant ID: …") in what the
 * operator reads. */
static void append_line (GString    *text,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
append_line (GString    *text,
             const char *format,
             ...)
{
  g_autofree char *formatted = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  formatted = g_strdup_vprintf (format, args);
  va_end (args);

  valid = g_utf8_make_valid (formatted, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (text, ' ');
      else
        g_string_append_unichar (text, c);
    }
  g_string_append_c (text, '\n');
}

/**
 * pv_operator_plan_dup_operator_note:
 * @operator_: (nullable): the operator the note is for; %NULL for the
 *   plan's
 * @tenant_id: (nullable): the tenant ID the operator needs
 * @organization_name: (nullable): the tenant's organization
 *
 * Returns: (transfer full): a plain text summary for the operator, in the
 *   user's language: what was chosen, who to contact, and the tenant ID
 *   the operator needs to provide numbers; each value on its own line
 */
char *
pv_operator_plan_dup_operator_note (PvOperatorPlan *self,
                                    PvOperator     *operator_,
                                    const char     *tenant_id,
                                    const char     *organization_name)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *countries = NULL;
  const char *phone;
  const char *size;

  g_return_val_if_fail (PV_IS_OPERATOR_PLAN (self), NULL);
  g_return_val_if_fail (operator_ == NULL || PV_IS_OPERATOR (operator_), NULL);

  if (operator_ == NULL)
    operator_ = self->operator_;
  countries = pv_operator_plan_dup_country_names (self, TRUE);
  phone = pv_contact_details_get_phone (self->contact);
  size = pv_company_size_label (pv_contact_details_get_company_size (self->contact));

  /* Translators: the heading of the summary sent to an operator; %s is
   * the operator's name. */
  append_line (text, _("Operator Connect: %s"),
               operator_ != NULL ? or_empty (pv_operator_get_name (operator_)) : "");
  g_string_append_c (text, '\n');
  g_string_append (text, _("We have added you as our operator in Microsoft Teams (Operator "
                           "Connect). Please use the tenant ID below to provide our phone "
                           "numbers."));
  g_string_append (text, "\n\n");
  /* Translators: the lines below are "label: value" pairs of a plain text
   * summary; keep each on one line. */
  append_line (text, _("Tenant ID: %s"), or_empty (tenant_id));
  if (organization_name != NULL)
    append_line (text, _("Organization: %s"), organization_name);
  append_line (text, _("Countries: %s"), countries);
  g_string_append_c (text, '\n');
  append_line (text, _("Contact: %s"), or_empty (pv_contact_details_get_full_name (self->contact)));
  append_line (text, _("E-mail: %s"), or_empty (pv_contact_details_get_email (self->contact)));
  if (phone != NULL && *phone != '\0')
    append_line (text, _("Phone: %s"), phone);
  if (size != NULL)
    append_line (text, _("Company size (employees): %s"), size);
  g_string_append_c (text, '\n');
  g_string_append (text, self->notice_accepted
                         ? _("The data transfer notice was accepted.")
                         : _("The data transfer notice was not accepted."));
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}
