import { bodyExample } from '@grms/core';
import { CreateHsbItemDto, UpdateHsbItemDto } from './items/dto/hsb-item.dto';
import { CatalogueLockDto } from './locks/dto/catalogue-lock.dto';

// Request-body examples of the e-HSB routes (core's body-examples.ts).
bodyExample(CreateHsbItemDto, 'an office supply of the SSH', {
  fiscalYear: 2026, code: 'SSH.ATK.0901', name: 'Map snelhecter plastik', specification: 'folio, warna biru', unit: 'Buah', price: '4500.00',
  category: 'SSH', accountCodes: ['5.1.02.01.01.0024'], ceiling: 'ESTIMATE',
});
bodyExample(UpdateHsbItemDto, 'a new price, against the version read', { price: '4750.00', expectedVersion: 1 });
bodyExample(CatalogueLockDto, 'the 2027 catalogue locked for the budgeting round', { fiscalYear: 2027, locked: true });
