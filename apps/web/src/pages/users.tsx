import { Badge, Button, Group, MultiSelect, Paper, PasswordInput, Select, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, get, Page, post, qs } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { DataTable, fieldError, PageTitle, Pager, ProblemAlert } from '../ui';
import { needsOrganization, ROLES, userChange, UserRow } from './users-model';

// The administrator's Users page: the accounts (GET /users, by text, role
// and OPD as the API filters), a new account (POST /users) with the API's refusals
// under their fields, a change of roles and OPD, deactivation and
// reactivation (PATCH /users/{id}). The auditor reads the same list.

interface Org { id: string; code: string; name: string; shortName: string | null }

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }));

function useOrganizations() {
  const q = useQuery({ queryKey: ['orgs-all'], staleTime: Infinity, queryFn: () => get<Page<Org>>(`/organizations${qs({ limit: 500 })}`) });
  const list = q.data?.data ?? [];
  const options = list.map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }));
  const name = (id: string | null) => (id ? list.find((o) => o.id === id)?.name ?? id : null);
  return { options, name };
}

export function UsersPage() {
  const { t } = useI18n();
  const { has } = useSession();
  const manage = has('ADMIN');
  const qc = useQueryClient();
  const orgs = useOrganizations();
  const [text, setText] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [org, setOrg] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const list = useQuery({ queryKey: ['users', text.trim(), role, org, page], queryFn: () => get<Page<UserRow>>(`/users${qs({ q: text.trim(), role, organizationId: org, page, limit: 20 })}`) });
  const refresh = () => { void qc.invalidateQueries({ queryKey: ['users'] }); void qc.invalidateQueries({ queryKey: ['waiting'] }); };
  const setActive = useMutation({ mutationFn: (u: UserRow) => api<UserRow>('PATCH', `/users/${u.id}`, { active: !u.active }), onSuccess: refresh });
  return (
    <>
      <PageTitle>{t('users')}</PageTitle>
      {manage && <NewUserForm orgOptions={orgs.options} onDone={refresh} />}
      <Group mb="sm" align="flex-end">
        <TextInput label={t('usersSearch')} value={text} onChange={(e) => { setText(e.currentTarget.value); setPage(1); }} w={320} />
        <Select label={t('roleFilter')} data={ROLE_OPTIONS} value={role} onChange={(v) => { setRole(v); setPage(1); }} clearable placeholder={t('all')} w={260} />
        <Select label={t('orgFilter')} data={orgs.options} value={org} onChange={(v) => { setOrg(v); setPage(1); }} searchable clearable placeholder={t('all')} w={420} />
      </Group>
      <ProblemAlert error={list.error ?? setActive.error} />
      <DataTable caption={t('users')} head={[t('username'), t('fullName'), t('roles'), t('organization'), t('status'), ...(manage ? [t('actions')] : [])]}>
        {list.data?.data.map((u) => (
          <Table.Tr key={u.id} data-testid={`user-${u.username}`}>
            <Table.Td>{u.username}</Table.Td>
            <Table.Td>{u.fullName}</Table.Td>
            <Table.Td>{u.roles.join(', ')}</Table.Td>
            <Table.Td>{orgs.name(u.organizationId) ?? t('provinceWide')}</Table.Td>
            <Table.Td><Badge color={u.active ? '#1b5e20' : '#495057'} variant="filled">{u.active ? t('active') : t('inactive')}</Badge></Table.Td>
            {manage && (
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(editing?.id === u.id ? null : u)} aria-expanded={editing?.id === u.id}>{t('changeRoles')}<span className="visually-hidden"> {u.username}</span></Button>
                  <Button size="xs" variant="outline" color={u.active ? '#a61e1e' : '#1b5e20'} loading={setActive.isPending && setActive.variables?.id === u.id} onClick={() => setActive.mutate(u)}>
                    {u.active ? t('deactivate') : t('reactivate')}<span className="visually-hidden"> {u.username}</span>
                  </Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      {list.data && <Pager {...list.data.meta} onPage={setPage} />}
      {manage && editing && <EditRolesForm key={editing.id} user={editing} orgOptions={orgs.options} onDone={() => { setEditing(null); refresh(); }} />}
    </>
  );
}

interface NewUser { username: string; fullName: string; password: string; roles: string[]; organizationId: string | null }
const EMPTY: NewUser = { username: '', fullName: '', password: '', roles: [], organizationId: null };

function NewUserForm({ orgOptions, onDone }: { orgOptions: { value: string; label: string }[]; onDone: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<NewUser>(EMPTY);
  const create = useMutation({
    mutationFn: () => post<UserRow>('/users', { ...form, organizationId: form.organizationId ?? undefined }),
    onSuccess: () => { setForm(EMPTY); onDone(); },
  });
  const set = <K extends keyof NewUser>(k: K, v: NewUser[K]) => setForm((f) => ({ ...f, [k]: v }));
  const opd = needsOrganization(form.roles);
  return (
    <Paper withBorder p="md" mb="md" component="form" aria-label={t('newUser')} onSubmit={(e: FormEvent) => { e.preventDefault(); create.mutate(); }}>
      <Title order={2} size="h4" mb="sm">{t('newUser')}</Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput label={t('username')} required autoComplete="off" value={form.username} onChange={(e) => set('username', e.currentTarget.value)} error={fieldError(create.error, 'username')} />
        <TextInput label={t('fullName')} required value={form.fullName} onChange={(e) => set('fullName', e.currentTarget.value)} error={fieldError(create.error, 'fullName')} />
        <PasswordInput label={t('password')} required autoComplete="new-password" description={t('passwordRules')} value={form.password} onChange={(e) => set('password', e.currentTarget.value)} error={fieldError(create.error, 'password')} />
        <MultiSelect label={t('roles')} withAsterisk data={ROLE_OPTIONS} value={form.roles} onChange={(v) => set('roles', v)} searchable error={fieldError(create.error, 'roles')} />
        <Select label={t('organization')} data={orgOptions} value={form.organizationId} onChange={(v) => set('organizationId', v)} searchable clearable
          description={opd ? t('opdNeeded') : t('provinceWide')} error={fieldError(create.error, 'organizationId')} />
      </SimpleGrid>
      <ProblemAlert error={create.error} />
      {create.data && <Text size="sm" role="status" mt="xs">{t('userSaved')}: {create.data.username}</Text>}
      <Group mt="sm"><Button type="submit" loading={create.isPending}>{t('create')}</Button></Group>
    </Paper>
  );
}

function EditRolesForm({ user, orgOptions, onDone }: { user: UserRow; orgOptions: { value: string; label: string }[]; onDone: () => void }) {
  const { t } = useI18n();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [org, setOrg] = useState<string | null>(user.organizationId);
  const save = useMutation({ mutationFn: () => api<UserRow>('PATCH', `/users/${user.id}`, userChange(user, roles, org)), onSuccess: onDone });
  const label = `${t('changeRoles')}: ${user.username}`;
  return (
    <Paper withBorder p="md" mt="md" component="form" aria-label={label} onSubmit={(e: FormEvent) => { e.preventDefault(); save.mutate(); }}>
      <Title order={2} size="h4" mb="sm">{label}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MultiSelect label={t('roles')} data={ROLE_OPTIONS} value={roles} onChange={setRoles} searchable error={fieldError(save.error, 'roles')} />
        <Select label={t('organization')} data={orgOptions} value={org} onChange={setOrg} searchable clearable
          description={needsOrganization(roles) ? t('opdNeeded') : t('provinceWide')} error={fieldError(save.error, 'organizationId')} />
      </SimpleGrid>
      <ProblemAlert error={save.error} />
      <Group mt="sm">
        <Button type="submit" loading={save.isPending}>{t('save')}</Button>
        <Button variant="default" onClick={onDone}>{t('cancel')}</Button>
      </Group>
    </Paper>
  );
}
